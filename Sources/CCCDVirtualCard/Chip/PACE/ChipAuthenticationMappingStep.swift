import CCCDCrypto

/// PACE-CAM (ICAO 9303-11 §4.4.3.5): the chip proves its static key by sending
/// CA_IC = SK_map,IC · SK_IC⁻¹ mod n, encrypted as A_IC = E(KS_enc, CA_IC) (AES-CBC with
/// IV = E(KS_enc, FF…FF), padding method 2). The terminal checks CA_IC × PK_IC = PK_map,IC.
enum ChipAuthenticationMappingStep {
    static func chipAuthenticationData(group: ECGroup, mappingPrivateKey skMap: [UInt8], staticPrivateKey skIC: [UInt8])
        throws(ChipError) -> [UInt8]
    {
        try chipCrypto { () throws(CryptoError) in
            let order = try ModularField(modulus: group.order())
            let ca = try order.multiply(BigNumber(bytes: skMap), order.inverse(BigNumber(bytes: skIC)))
            return try ca.bytes(paddedTo: group.orderSize)
        }
    }

    static func encrypt(_ data: [UInt8], keys: ChipSessionKeys) throws(ChipError) -> [UInt8] {
        try chipCrypto { () throws(CryptoError) in
            let iv = try AES.encryptECB(key: keys.encryption, data: [UInt8](repeating: 0xFF, count: 16))
            return try AES.encryptCBC(key: keys.encryption, iv: iv, data: ChipPadding.pad(data, 16))
        }
    }
}
