/// The chip's secure-messaging session: the keys and the send sequence counter (ICAO 9303-11
/// §9.8.2), incremented before each command is checked and before each response is MACed.
struct ChipSecureMessagingSession: Sendable {
    let keys: ChipSessionKeys
    private(set) var ssc: [UInt8]

    init(keys: ChipSessionKeys, ssc: [UInt8]) {
        self.keys = keys
        self.ssc = ssc
    }

    /// A session with SSC = 0 (after PACE).
    init(keys: ChipSessionKeys) {
        self.init(keys: keys, ssc: [UInt8](repeating: 0, count: keys.cipher.blockSize))
    }

    var cipher: ChipCipher { keys.cipher }

    mutating func incrementSSC() {
        for i in ssc.indices.reversed() {
            ssc[i] &+= 1
            if ssc[i] != 0 { return }
        }
    }
}

/// Why a protected command was refused. Either way the chip drops the session (§9.8.6).
enum SecureMessagingFault: Error, Equatable {
    /// A mandatory data object (DO'8E') is missing: `69 87`.
    case missingDataObject
    /// A data object is malformed, unexpected, or the MAC does not verify: `69 88`.
    case incorrectDataObject
}
