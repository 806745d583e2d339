import CCCDCrypto
import CCCDTransport

/// Why the chip could not be set up, or why one of its steps failed. A failed step becomes a
/// status word (`statusWord`); nothing here carries key material.
public enum ChipError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The configuration is inconsistent (e.g. PACE-MRZ without MRZ data, CAM without a CA key).
    case configuration(String)
    /// A CCCDCrypto primitive failed.
    case crypto(CryptoError)
    /// The command is malformed for the step (`6A 80`).
    case incorrectData(String)
    /// The command comes at the wrong time in the protocol (`69 85`).
    case conditionsNotSatisfied(String)
    /// The requested algorithm, parameters or password are not offered (`6A 88`).
    case referencedDataNotFound(String)
    /// The terminal's cryptogram, MAC or token does not verify (`63 00`: wrong password).
    case authenticationFailed
    /// Wrong length (`67 00`).
    case wrongLength
    /// The OpenSSL signing step of Active Authentication failed (names the failing function).
    case signingFailed(String)

    public var description: String {
        switch self {
        case .configuration(let why): return "chip configuration: \(why)"
        case .crypto(let error): return "chip crypto: \(error)"
        case .incorrectData(let why): return "incorrect data: \(why)"
        case .conditionsNotSatisfied(let why): return "conditions not satisfied: \(why)"
        case .referencedDataNotFound(let why): return "referenced data not found: \(why)"
        case .authenticationFailed: return "authentication failed"
        case .wrongLength: return "wrong length"
        case .signingFailed(let function): return "active authentication signing failed in \(function)"
        }
    }

    /// The status word the chip answers with.
    var statusWord: StatusWord {
        switch self {
        case .configuration, .crypto, .signingFailed: return .noPreciseDiagnosis
        case .incorrectData: return .incorrectData
        case .conditionsNotSatisfied: return .conditionsNotSatisfied
        case .referencedDataNotFound: return .referencedDataNotFound
        case .authenticationFailed: return .verificationFailed
        case .wrongLength: return .wrongLength
        }
    }
}

/// Runs a crypto call in a chip step, mapping its error.
@inline(__always)
func chipCrypto<T>(_ body: () throws(CryptoError) -> T) throws(ChipError) -> T {
    do { return try body() } catch { throw .crypto(error) }
}
