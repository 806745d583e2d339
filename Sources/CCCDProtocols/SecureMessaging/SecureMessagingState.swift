import CCCDLDS

/// One secure-messaging session: keys, send sequence counter and whether the session is still
/// alive. `protect` and `unprotect` are pure functions of this value (they update it in place);
/// after any error the value is terminated and both refuse to work.
public struct SecureMessagingState: Sendable, CustomStringConvertible {
    public let keys: SecureMessagingKeys
    public internal(set) var ssc: SendSequenceCounter
    /// False after an error (or `terminate()`); the chip has dropped the session by then.
    public internal(set) var isActive: Bool = true

    public init(keys: SecureMessagingKeys, ssc: SendSequenceCounter) {
        self.keys = keys
        self.ssc = ssc
    }

    /// A session with the SSC at zero (after PACE or Chip Authentication).
    public init(keys: SecureMessagingKeys) {
        self.init(keys: keys, ssc: .zero(for: keys.cipher))
    }

    public var cipher: SecureMessagingCipher { keys.cipher }

    /// Ends the session (e.g. when the card was removed).
    public mutating func terminate() {
        isActive = false
    }

    public var description: String {
        "SecureMessagingState(\(keys.cipher.rawValue), \(isActive ? "active" : "terminated"))"
    }

    /// IV for the cipher: zero for 3DES, E(KS_enc, SSC) for AES (§9.8.7.1).
    func iv(for ssc: SendSequenceCounter) throws -> [UInt8] {
        if keys.cipher == .tripleDES { return [UInt8](repeating: 0, count: 8) }
        return try keys.cipher.encryptECB(key: keys.encryptionKey, data: ssc.bytes)
    }
}
