import CCCDCrypto

/// PACE-CAM (ICAO 9303-11 §4.4.3.5): the chip's encrypted Chip Authentication data A_IC.
package enum ChipAuthenticationMapping {
    /// CA_IC = D(KS_Enc, A_IC) with AES-CBC, IV = E(KS_Enc, 0xFF…FF), then method-2 unpadding.
    package static func decryptChipAuthenticationData(_ encrypted: [UInt8], keys: SecureMessagingKeys)
        throws(AccessControlError) -> [UInt8]
    {
        guard keys.cipher != .tripleDES else { throw .unsupportedPACEConfiguration("PACE-CAM requires AES") }
        guard !encrypted.isEmpty, encrypted.count % 16 == 0 else {
            throw .malformedResponse(step: "GENERAL AUTHENTICATE (CA data)", reason: "length \(encrypted.count)")
        }
        return try crypto { () throws(CryptoError) in
            let iv = try AES.encryptECB(key: keys.encryptionKey, data: [UInt8](repeating: 0xFF, count: 16))
            let padded = try AES.decryptCBC(key: keys.encryptionKey, iv: iv, data: encrypted)
            return try ISO9797Padding.unpad(padded, blockSize: 16)
        }
    }

    /// The terminal's check PK_map,IC = KA(CA_IC, PK_IC): true when the chip's mapping public key
    /// equals CA_IC × PK_IC. Only meaningful once PK_IC is authenticated by Passive Authentication.
    package static func verify(chipAuthenticationData ca: [UInt8], chipStaticPublicKey pkIC: [UInt8],
                              chipMappingPublicKey: [UInt8], group: ECGroup) throws(AccessControlError) -> Bool
    {
        try crypto { () throws(CryptoError) in
            let product = try group.multiply(group.decodePoint(pkIC), by: ca)
            return product == (try group.decodePoint(chipMappingPublicKey))
        }
    }
}
