import CCCDCrypto

/// ISO/IEC 9796-2 digital signature scheme 1 with partial message recovery, as used by RSA
/// Active Authentication (ICAO 9303-11 §6.1): the message representative
/// `6A ‖ M1 ‖ H(M1 ‖ M2) ‖ trailer`, with trailer `BC` (SHA-1) or `hashID CC`.
public enum ISO9796Scheme1 {
    /// What a recovered representative contains.
    public struct Recovered: Sendable, Equatable {
        /// The recoverable part M1.
        public var m1: [UInt8]
        /// The digest H(M1 ‖ M2) carried in the representative.
        public var digest: [UInt8]
        /// The hash named by the trailer.
        public var hash: HashAlgorithm
    }

    /// Why a representative is not a scheme-1 partial-recovery block.
    public enum FormatError: Error, Equatable, Sendable {
        case tooShort
        case wrongHeader
        case notPartialRecovery
        case unknownTrailer
    }

    /// Splits a recovered representative (the raw RSA output, as long as the modulus) into M1,
    /// the digest and the hash. Pure.
    public static func parse(_ representative: [UInt8]) throws(FormatError) -> Recovered {
        // Leading zero bytes come from a representative shorter than the modulus byte length.
        let block = Array(representative.drop { $0 == 0 })
        guard block.count >= 3 else { throw .tooShort }
        guard block[0] & 0xC0 == 0x40 else { throw .wrongHeader }
        guard block[0] & 0x20 != 0 else { throw .notPartialRecovery }
        guard block[0] & 0x0F == 0x0A else { throw .wrongHeader }
        let hash: HashAlgorithm
        let trailerLength: Int
        switch block[block.count - 1] {
        case 0xBC:
            hash = .sha1
            trailerLength = 1
        case 0xCC:
            trailerLength = 2
            switch block[block.count - 2] {
            case 0x33: hash = .sha1
            case 0x34: hash = .sha256
            case 0x35: hash = .sha512
            case 0x36: hash = .sha384
            case 0x38: hash = .sha224
            default: throw .unknownTrailer
            }
        default: throw .unknownTrailer
        }
        let digestEnd = block.count - trailerLength
        let digestStart = digestEnd - hash.digestLength
        guard digestStart >= 1 else { throw .tooShort }
        return Recovered(m1: Array(block[1..<digestStart]), digest: Array(block[digestStart..<digestEnd]), hash: hash)
    }

    /// Whether the recovered block signs `m2` (the challenge): H(M1 ‖ M2) = digest.
    public static func verify(_ recovered: Recovered, m2: [UInt8]) -> Bool {
        guard let digest = try? recovered.hash.hash(recovered.m1 + m2) else { return false }
        return constantTimeEquals(digest, recovered.digest)
    }
}
