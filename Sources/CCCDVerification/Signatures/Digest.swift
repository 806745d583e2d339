import CCCDCrypto
import CCCDLDS

/// Hash algorithms by OID and hashing through OpenSSL (CCCDCrypto's `HashAlgorithm`).
public enum Digest {
    /// The hash algorithm named by a digest OID (SHA-1/224/256/384/512), nil when unknown.
    public static func algorithm(oid: String) -> HashAlgorithm? {
        switch oid {
        case ObjectIdentifiers.sha1: .sha1
        case ObjectIdentifiers.sha224: .sha224
        case ObjectIdentifiers.sha256: .sha256
        case ObjectIdentifiers.sha384: .sha384
        case ObjectIdentifiers.sha512: .sha512
        default: nil
        }
    }

    /// The digest OID of an algorithm.
    public static func oid(_ algorithm: HashAlgorithm) -> String {
        switch algorithm {
        case .sha1: ObjectIdentifiers.sha1
        case .sha224: ObjectIdentifiers.sha224
        case .sha256: ObjectIdentifiers.sha256
        case .sha384: ObjectIdentifiers.sha384
        case .sha512: ObjectIdentifiers.sha512
        }
    }

    /// `algorithm(data)` through OpenSSL.
    public static func hash(_ data: [UInt8], algorithm: HashAlgorithm) throws(VerificationCryptoError) -> [UInt8] {
        do {
            return try algorithm.hash(data)
        } catch {
            throw .openSSL(function: "EVP_Digest", reason: error.description)
        }
    }
}
