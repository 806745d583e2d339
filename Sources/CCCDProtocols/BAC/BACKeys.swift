import CCCDCrypto

/// The Document Basic Access Keys K_Enc and K_MAC (ICAO 9303-11 §9.7.2, App. D.1–D.2).
public struct BACKeys: Hashable, Sendable, CustomStringConvertible {
    public let encryptionKey: [UInt8]
    public let macKey: [UInt8]

    public init(encryptionKey: [UInt8], macKey: [UInt8]) {
        self.encryptionKey = encryptionKey
        self.macKey = macKey
    }

    /// K_Enc = KDF(K_seed, 1), K_MAC = KDF(K_seed, 2) with 3DES parity.
    public init(keySeed: [UInt8]) throws(CryptoError) {
        encryptionKey = try KeyDerivation.derive(keySeed, counter: .encryption, cipher: .tripleDES)
        macKey = try KeyDerivation.derive(keySeed, counter: .mac, cipher: .tripleDES)
    }

    /// Keys from the MRZ fields.
    public init(_ input: MRZKeyInput) throws(CryptoError) {
        try self.init(keySeed: input.keySeed())
    }

    public var description: String { "BACKeys(redacted)" }
}
