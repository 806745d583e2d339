/// Why an OpenSSL-backed step of verification could not run. Never carries key material or
/// personal data; `reason` is OpenSSL's error text or a short description.
public enum VerificationCryptoError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A certificate, CRL or key could not be decoded.
    case decodingFailed(what: String, reason: String)
    /// The algorithm (signature scheme, hash, curve) is not supported.
    case unsupportedAlgorithm(String)
    /// Parameters (e.g. RSASSA-PSS-params) are malformed or inconsistent.
    case invalidParameters(String)
    /// An OpenSSL call failed for another reason.
    case openSSL(function: String, reason: String)

    public var description: String {
        switch self {
        case .decodingFailed(let what, let reason): return "cannot decode \(what): \(reason)"
        case .unsupportedAlgorithm(let name): return "unsupported algorithm \(name)"
        case .invalidParameters(let why): return "invalid parameters: \(why)"
        case .openSSL(let function, let reason): return "OpenSSL \(function) failed: \(reason)"
        }
    }
}
