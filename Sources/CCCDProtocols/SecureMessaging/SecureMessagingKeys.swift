import CCCDLDS

/// The session keys of a secure-messaging channel. `description` and `dump` never show the keys.
public struct SecureMessagingKeys: Hashable, Sendable, CustomStringConvertible, CustomReflectable {
    public let cipher: SecureMessagingCipher
    public let encryptionKey: [UInt8]
    public let macKey: [UInt8]

    public init(cipher: SecureMessagingCipher, encryptionKey: [UInt8], macKey: [UInt8]) {
        self.cipher = cipher
        self.encryptionKey = encryptionKey
        self.macKey = macKey
    }

    public var description: String { "SecureMessagingKeys(\(cipher.rawValue), redacted)" }
    public var customMirror: Mirror { Mirror(self, children: ["cipher": cipher]) }
}
