import CCCDCrypto

/// PACE step 3 on the chip: ephemeral key pair on the mapped generator, K = KA(SK_IC, PK_IFD)
/// after checking PK_IFD ≠ PK_IC, session keys KS_enc = KDF(K, 1), KS_mac = KDF(K, 2).
enum KeyAgreementStep {
    static func agree(domain: ChipDomain, cipher: ChipCipher, chipPrivateKey sk: [UInt8], chipPublicKey pkIC: [UInt8],
                      terminalPublicKey pkIFD: [UInt8]) throws(ChipError) -> ChipSessionKeys
    {
        do { try domain.validate(pkIFD) } catch { throw .incorrectData("terminal ephemeral key rejected") }
        guard !domain.samePublicKey(pkIC, pkIFD) else { throw .incorrectData("terminal echoed the chip's key") }
        return try chipCrypto { () throws(CryptoError) in
            try cipher.sessionKeys(from: domain.sharedSecret(sk, peer: pkIFD))
        }
    }
}
