import CCCDCrypto

/// PACE step 4: authentication tokens T = MAC(KS_mac, 7F49 { 06 OID, 86 point | 84 y })
/// over the other party's ephemeral public key (ICAO 9303-11 §4.4.3.4).
enum AuthenticationTokenStep {
    static func token(offer: PACEOffer, macKey: [UInt8], publicKey: [UInt8]) throws(ChipError) -> [UInt8] {
        let keyObject: [UInt8]
        if offer.keyAgreement == .ecdh {
            keyObject = ChipTLV.encode(0x86, publicKey)
        } else {
            // DH public values as unsigned integers without leading zeros.
            keyObject = ChipTLV.encode(0x84, Array(publicKey.drop { $0 == 0 }))
        }
        let input = ChipTLV.encode(0x7F49, ChipTLV.encode(0x06, offer.oidContent) + keyObject)
        return try chipCrypto { () throws(CryptoError) in try offer.cipher.tokenMAC(key: macKey, input) }
    }

    /// Verifies the terminal's token (over the chip's key); a mismatch is a wrong password.
    static func verifyTerminalToken(_ token: [UInt8], offer: PACEOffer, macKey: [UInt8], chipPublicKey: [UInt8])
        throws(ChipError)
    {
        let expected = try self.token(offer: offer, macKey: macKey, publicKey: chipPublicKey)
        guard token.count == expected.count, constantTimeEquals(expected, token) else { throw .authenticationFailed }
    }
}
