/// Why a cryptographic operation failed. Never carries key material or plaintext.
public enum CryptoError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A key of the wrong length for the algorithm.
    case invalidKeyLength(algorithm: String, length: Int)
    /// An IV of the wrong length.
    case invalidIVLength(expected: Int, actual: Int)
    /// Input that must be a whole number of cipher blocks is not.
    case inputNotBlockAligned(blockSize: Int, length: Int)
    /// ISO/IEC 9797-1 padding method 2 was expected but not found.
    case invalidPadding
    /// The algorithm (or curve, or group) is not available.
    case unsupportedAlgorithm(String)
    /// An encoded elliptic-curve point could not be decoded, or is not on the curve.
    case invalidPoint(String)
    /// A computation produced (or received) the point at infinity.
    case pointAtInfinity
    /// A private scalar / exponent is zero or otherwise unusable.
    case invalidScalar
    /// A Diffie-Hellman public value failed validation.
    case invalidPublicKey(String)
    /// Domain parameters are inconsistent or unusable.
    case invalidParameters(String)
    /// The secure random generator failed.
    case randomGenerationFailed
    /// An OpenSSL call failed; `reason` is OpenSSL's error string (never data).
    case openSSL(function: String, reason: String)

    public var description: String {
        switch self {
        case .invalidKeyLength(let algorithm, let length): return "\(algorithm): invalid key length \(length)"
        case .invalidIVLength(let expected, let actual): return "IV must be \(expected) bytes, got \(actual)"
        case .inputNotBlockAligned(let blockSize, let length):
            return "input of \(length) bytes is not a multiple of the \(blockSize)-byte block"
        case .invalidPadding: return "invalid ISO/IEC 9797-1 method 2 padding"
        case .unsupportedAlgorithm(let name): return "unsupported algorithm \(name)"
        case .invalidPoint(let why): return "invalid elliptic-curve point: \(why)"
        case .pointAtInfinity: return "point at infinity"
        case .invalidScalar: return "invalid private scalar"
        case .invalidPublicKey(let why): return "invalid public key: \(why)"
        case .invalidParameters(let why): return "invalid domain parameters: \(why)"
        case .randomGenerationFailed: return "secure random generation failed"
        case .openSSL(let function, let reason): return "OpenSSL \(function) failed: \(reason)"
        }
    }
}
