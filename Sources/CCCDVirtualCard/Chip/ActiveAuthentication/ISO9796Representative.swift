import CCCDCrypto

/// The chip's ISO/IEC 9796-2 digital signature scheme 1 message representative with SHA-1 and
/// trailer `BC` (ICAO 9303-11 §6.1): `6A ‖ M1 ‖ SHA-1(M1 ‖ M2) ‖ BC`, M2 being the challenge.
enum ISO9796Representative {
    /// - Parameters:
    ///   - m1: the recoverable part, modulus length − 22 bytes.
    ///   - challenge: the terminal's challenge (the non-recoverable part M2).
    static func make(m1: [UInt8], challenge: [UInt8]) throws(ChipError) -> [UInt8] {
        let digest = try chipCrypto { () throws(CryptoError) in try HashAlgorithm.sha1.hash(m1 + challenge) }
        return [0x6A] + m1 + digest + [0xBC]
    }
}
