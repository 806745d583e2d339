import CCCDCrypto

/// PACE step 1 on the chip: a random nonce s, sent as z = E(K_π, s) (CBC, IV 0).
enum PACENonceStep {
    /// 128 bits for 3DES and AES-128, 256 otherwise: the block length l of the integrated
    /// mapping's pseudo-random function, which needs |s| = l.
    static func nonceLength(_ cipher: ChipCipher) -> Int {
        cipher == .tripleDES || cipher == .aes128 ? 16 : 32
    }

    static func encrypt(nonce s: [UInt8], passwordKey: [UInt8], cipher: ChipCipher) throws(ChipError) -> [UInt8] {
        try chipCrypto { () throws(CryptoError) in try cipher.encryptCBC(key: passwordKey, iv: cipher.zeroIV, s) }
    }
}
