import CCCDCrypto

/// The PACE password and K_π (ICAO 9303-11 §9.7.3, Table 14).
enum PACEPassword {
    /// f(π): the ISO 8859-1 bytes of the CAN, or SHA-1(MRZ_information).
    static func encoding(reference: UInt8, configuration: ChipConfiguration) throws(ChipError) -> [UInt8] {
        switch reference {
        case 0x01:
            guard let mrz = configuration.mrz else { throw .referencedDataNotFound("no MRZ password") }
            let information = try mrz.mrzInformation()
            return try chipCrypto { () throws(CryptoError) in try HashAlgorithm.sha1.hash(Array(information.utf8)) }
        case 0x02:
            guard let can = configuration.can else { throw .referencedDataNotFound("no CAN password") }
            return can.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
        default:
            throw .referencedDataNotFound("password reference \(reference)")
        }
    }

    /// K_π = KDF(f(π), 3).
    static func key(_ encoding: [UInt8], cipher: ChipCipher) throws(ChipError) -> [UInt8] {
        try chipCrypto { () throws(CryptoError) in try cipher.deriveKey(encoding, counter: 3) }
    }
}
