import CCCDCrypto
import SwiftASN1

/// RSASSA-PSS-params (RFC 4055 §3.1), with the defaults SHA-1 / MGF1-SHA-1 / salt 20 / trailer 1.
///
/// ```
/// RSASSA-PSS-params ::= SEQUENCE {
///   hashAlgorithm [0] HashAlgorithm DEFAULT sha1, maskGenAlgorithm [1] MaskGenAlgorithm DEFAULT mgf1SHA1,
///   saltLength [2] INTEGER DEFAULT 20, trailerField [3] TrailerField DEFAULT trailerFieldBC }
/// ```
public struct RSAPSSParameters: Sendable, Hashable {
    public var hash: HashAlgorithm = .sha1
    public var mgf1Hash: HashAlgorithm = .sha1
    public var saltLength: Int = 20

    static let mgf1OID = "1.2.840.113549.1.1.8"

    /// Parses the parameters DER; absent parameters mean all defaults.
    public init(der: [UInt8]?) throws(VerificationCryptoError) {
        guard let der, der != [0x05, 0x00] else { return }
        do {
            let root = try DER.parse(der)
            guard root.identifier == .sequence, case .constructed(let fields) = root.content else {
                throw VerificationCryptoError.invalidParameters("RSASSA-PSS-params is not a SEQUENCE")
            }
            for field in fields {
                guard field.identifier.tagClass == .contextSpecific, case .constructed(let inner) = field.content,
                    let value = inner.first(where: { _ in true })
                else { throw VerificationCryptoError.invalidParameters("RSASSA-PSS-params field") }
                switch field.identifier.tagNumber {
                case 0: hash = try Self.hashAlgorithm(value)
                case 1:
                    guard value.identifier == .sequence, case .constructed(let parts) = value.content else {
                        throw VerificationCryptoError.invalidParameters("maskGenAlgorithm")
                    }
                    let items = Array(parts)
                    guard items.count == 2, try ASN1ObjectIdentifier(derEncoded: items[0]).description == Self.mgf1OID
                    else { throw VerificationCryptoError.unsupportedAlgorithm("mask generation other than MGF1") }
                    mgf1Hash = try Self.hashAlgorithm(items[1])
                case 2:
                    let salt = try Int(derEncoded: value)
                    guard (0...1024).contains(salt) else { throw VerificationCryptoError.invalidParameters("salt length") }
                    saltLength = salt
                case 3:
                    guard try Int(derEncoded: value) == 1 else {
                        throw VerificationCryptoError.unsupportedAlgorithm("PSS trailer field other than 1")
                    }
                default: throw VerificationCryptoError.invalidParameters("unknown RSASSA-PSS-params field")
                }
            }
        } catch let error as VerificationCryptoError {
            throw error
        } catch {
            throw .invalidParameters("RSASSA-PSS-params: \(error)")
        }
    }

    /// Builds parameters (for tests and the data-set generator).
    public init(hash: HashAlgorithm, mgf1Hash: HashAlgorithm, saltLength: Int) {
        self.hash = hash
        self.mgf1Hash = mgf1Hash
        self.saltLength = saltLength
    }

    private static func hashAlgorithm(_ node: ASN1Node) throws -> HashAlgorithm {
        guard node.identifier == .sequence, case .constructed(let parts) = node.content,
            let first = parts.first(where: { _ in true })
        else { throw VerificationCryptoError.invalidParameters("hash AlgorithmIdentifier") }
        let oid = try ASN1ObjectIdentifier(derEncoded: first).description
        guard let hash = Digest.algorithm(oid: oid) else { throw VerificationCryptoError.unsupportedAlgorithm("hash \(oid)") }
        return hash
    }
}
