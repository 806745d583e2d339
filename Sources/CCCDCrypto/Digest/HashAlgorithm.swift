import COpenSSL

/// Hash functions through OpenSSL `EVP_Digest`.
public enum HashAlgorithm: String, Sendable, CaseIterable {
    case sha1 = "SHA1"
    case sha224 = "SHA224"
    case sha256 = "SHA256"
    case sha384 = "SHA384"
    case sha512 = "SHA512"

    private static let fetched: [HashAlgorithm: FetchedAlgorithm] = Dictionary(
        uniqueKeysWithValues: HashAlgorithm.allCases.map { ($0, FetchedAlgorithm(digest: $0.rawValue)) })

    /// Output length in bytes.
    public var digestLength: Int {
        switch self {
        case .sha1: return 20
        case .sha224: return 28
        case .sha256: return 32
        case .sha384: return 48
        case .sha512: return 64
        }
    }

    /// The digest of `data`.
    public func hash(_ data: [UInt8]) throws(CryptoError) -> [UInt8] {
        guard let algorithm = Self.fetched[self] else { throw .unsupportedAlgorithm(rawValue) }
        let md = try algorithm.get()
        var out = [UInt8](repeating: 0, count: 64)
        var length: UInt32 = 0
        let ok = data.withUnsafeBytes { d in
            out.withUnsafeMutableBufferPointer { o in EVP_Digest(d.baseAddress, d.count, o.baseAddress, &length, md, nil) }
        }
        guard ok == 1, Int(length) == digestLength else { throw OpenSSL.failure("EVP_Digest") }
        return Array(out.prefix(Int(length)))
    }
}
