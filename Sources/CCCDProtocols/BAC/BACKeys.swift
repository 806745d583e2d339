import CCCDCrypto

/// The Document Basic Access Keys K_Enc and K_MAC (ICAO 9303-11 §9.7.2, App. D.1–D.2).
package struct BACKeys: Hashable, Sendable, CustomStringConvertible {
    package let encryptionKey: [UInt8]
    package let macKey: [UInt8]

    package init(encryptionKey: [UInt8], macKey: [UInt8]) {
        self.encryptionKey = encryptionKey
        self.macKey = macKey
    }

    /// K_Enc = KDF(K_seed, 1), K_MAC = KDF(K_seed, 2) with 3DES parity.
    package init(keySeed: [UInt8]) throws(CryptoError) {
        encryptionKey = try KeyDerivation.derive(keySeed, counter: .encryption, cipher: .tripleDES)
        macKey = try KeyDerivation.derive(keySeed, counter: .mac, cipher: .tripleDES)
    }

    /// Keys from the MRZ fields.
    package init(_ input: MRZKeyInput) throws(CryptoError) {
        try self.init(keySeed: input.keySeed())
    }

    package var description: String { "BACKeys(redacted)" }
}
