import CCCDCrypto
import CCCDLDS

/// A signature scheme with everything OpenSSL needs to verify it.
public enum SignatureScheme: Sendable, Hashable, CustomStringConvertible {
    /// RSASSA-PKCS1-v1_5 with a hash.
    case rsaPKCS1(HashAlgorithm)
    /// RSASSA-PSS: message hash, MGF1 hash, salt length (trailer field 1 only).
    case rsaPSS(hash: HashAlgorithm, mgf1Hash: HashAlgorithm, saltLength: Int)
    /// ECDSA with a DER `Ecdsa-Sig-Value` signature (X9.62).
    case ecdsa(HashAlgorithm)
    /// ECDSA with a plain `r ‖ s` signature (BSI TR-03111).
    case ecdsaPlain(HashAlgorithm)

    /// The message hash.
    public var hash: HashAlgorithm {
        switch self {
        case .rsaPKCS1(let h), .ecdsa(let h), .ecdsaPlain(let h): h
        case .rsaPSS(let h, _, _): h
        }
    }

    public var description: String {
        switch self {
        case .rsaPKCS1(let h): "RSA PKCS#1 v1.5 with \(h.rawValue)"
        case .rsaPSS(let h, let m, let s): "RSASSA-PSS (\(h.rawValue), MGF1-\(m.rawValue), salt \(s))"
        case .ecdsa(let h): "ECDSA with \(h.rawValue)"
        case .ecdsaPlain(let h): "ECDSA (plain) with \(h.rawValue)"
        }
    }

    /// The scheme named by a signature AlgorithmIdentifier (with `digestAlgorithm` for the CMS
    /// forms that name only the key type, e.g. rsaEncryption or id-ecPublicKey).
    public init(signatureAlgorithmOID oid: String, parameters: [UInt8]?, digestAlgorithmOID: String?)
        throws(VerificationCryptoError)
    {
        func digest() throws(VerificationCryptoError) -> HashAlgorithm {
            guard let digestAlgorithmOID, let hash = Digest.algorithm(oid: digestAlgorithmOID) else {
                throw .unsupportedAlgorithm("digest \(digestAlgorithmOID ?? "missing") for \(oid)")
            }
            return hash
        }
        switch oid {
        case "1.2.840.113549.1.1.1": self = .rsaPKCS1(try digest())
        case "1.2.840.113549.1.1.5": self = .rsaPKCS1(.sha1)
        case "1.2.840.113549.1.1.14": self = .rsaPKCS1(.sha224)
        case "1.2.840.113549.1.1.11": self = .rsaPKCS1(.sha256)
        case "1.2.840.113549.1.1.12": self = .rsaPKCS1(.sha384)
        case "1.2.840.113549.1.1.13": self = .rsaPKCS1(.sha512)
        case ObjectIdentifiers.rsassaPSS:
            let pss = try RSAPSSParameters(der: parameters)
            self = .rsaPSS(hash: pss.hash, mgf1Hash: pss.mgf1Hash, saltLength: pss.saltLength)
        case "1.2.840.10045.4.1": self = .ecdsa(.sha1)
        case "1.2.840.10045.4.3.1": self = .ecdsa(.sha224)
        case "1.2.840.10045.4.3.2": self = .ecdsa(.sha256)
        case "1.2.840.10045.4.3.3": self = .ecdsa(.sha384)
        case "1.2.840.10045.4.3.4": self = .ecdsa(.sha512)
        case ObjectIdentifiers.ecPublicKey: self = .ecdsa(try digest())
        // BSI TR-03111 ecdsa-plain-SHA*: 0.4.0.127.0.7.1.1.4.1.{1..5}
        case "0.4.0.127.0.7.1.1.4.1.1": self = .ecdsaPlain(.sha1)
        case "0.4.0.127.0.7.1.1.4.1.2": self = .ecdsaPlain(.sha224)
        case "0.4.0.127.0.7.1.1.4.1.3": self = .ecdsaPlain(.sha256)
        case "0.4.0.127.0.7.1.1.4.1.4": self = .ecdsaPlain(.sha384)
        case "0.4.0.127.0.7.1.1.4.1.5": self = .ecdsaPlain(.sha512)
        default: throw .unsupportedAlgorithm("signature algorithm \(oid)")
        }
    }
}
