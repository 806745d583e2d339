import CCCDCrypto

/// The chip's half of Chip Authentication (ICAO 9303-11 §6.2): static-ephemeral ECDH between the
/// chip's static key and the terminal's ephemeral key, then new secure-messaging keys from the
/// shared secret (the x-coordinate) with the ICAO KDF.
enum ChipAuthenticationStep {
    /// `KS_enc`, `KS_mac` from `SK_IC` and `PK_IFD`.
    static func sessionKeys(key: ChipAuthenticationKey, terminalPublicKey: [UInt8], cipher: ChipCipher)
        throws(ChipError) -> ChipSessionKeys
    {
        let domain = try ChipDomain.standardized(key.parameterID)
        guard domain.isEC else { throw .configuration("chip authentication needs an EC key") }
        let sk = key.privateKeyBytes
        guard !sk.isEmpty else { throw .configuration("chip authentication private key is not hex") }
        do {
            try domain.validate(terminalPublicKey)
        } catch {
            throw .incorrectData("the terminal's ephemeral public key is not on the chip's curve")
        }
        return try chipCrypto { () throws(CryptoError) in
            try cipher.sessionKeys(from: domain.sharedSecret(sk, peer: terminalPublicKey))
        }
    }

    /// The cipher of an id-CA-ECDH-* OID given as content octets (`0.4.0.127.0.7.2.2.3.2.x`).
    static func cipher(oidContent: [UInt8]) throws(ChipError) -> ChipCipher {
        let prefix: [UInt8] = [0x04, 0x00, 0x7F, 0x00, 0x07, 0x02, 0x02, 0x03, 0x02]
        guard oidContent.count == prefix.count + 1, Array(oidContent.prefix(prefix.count)) == prefix,
              let cipher = ChipCipher.allCases.first(where: { $0.oidArc == oidContent.last })
        else { throw .referencedDataNotFound("chip authentication protocol not offered") }
        return cipher
    }
}
