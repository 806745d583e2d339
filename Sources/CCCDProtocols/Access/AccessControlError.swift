import CCCDCrypto
import CCCDLDS
import CCCDTransport

/// Why BAC, PACE or the access procedure failed. Transport failures are not wrapped: they arrive
/// as `CardTransportError` (or the transport's own error) so callers can tell a lost card from a
/// wrong key.
public enum AccessControlError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The card rejected the password / MRZ key: SW `63 00` or `63 Cx` during authentication.
    case wrongAccessKey(retriesLeft: Int?)
    /// The card answered a step with an error status word.
    case cardRejected(step: String, status: StatusWord)
    /// The card's answer to a step is malformed.
    case malformedResponse(step: String, reason: String)
    /// The card's cryptogram, MAC or authentication token does not verify.
    case authenticationFailed(step: String)
    /// The access key cannot be used (e.g. an empty CAN, or a CAN where BAC needs the MRZ).
    case invalidAccessKey(String)
    /// The card offers PACE only with algorithms or parameters this library does not support.
    case unsupportedPACEConfiguration(String)
    /// PACE is required by the policy but the card offers none.
    case paceNotOffered
    /// EF.CardAccess could not be parsed.
    case malformedSecurityInfos(String)
    /// A cryptographic primitive failed (including invalid points / public keys from the card).
    case crypto(CryptoError)
    /// Secure messaging failed while finishing the access procedure.
    case secureMessaging(SecureMessagingError)

    public var description: String {
        switch self {
        case .wrongAccessKey(let retries):
            return "wrong access key (MRZ or CAN)" + (retries.map { ", \($0) tries left" } ?? "")
        case .cardRejected(let step, let status): return "\(step): the card answered \(status)"
        case .malformedResponse(let step, let reason): return "\(step): malformed card response: \(reason)"
        case .authenticationFailed(let step): return "\(step): the card's authentication data do not verify"
        case .invalidAccessKey(let why): return "invalid access key: \(why)"
        case .unsupportedPACEConfiguration(let why): return "unsupported PACE configuration: \(why)"
        case .paceNotOffered: return "the card does not offer PACE"
        case .malformedSecurityInfos(let why): return "malformed SecurityInfos: \(why)"
        case .crypto(let error): return "cryptographic failure: \(error)"
        case .secureMessaging(let error): return "\(error)"
        }
    }

    /// Maps an authentication step's status word: `63 00` / `63 Cx` → wrong key, others → rejected.
    static func check(_ status: StatusWord, step: String) throws(AccessControlError) {
        if status.isSuccess { return }
        if status == .verificationFailed { throw .wrongAccessKey(retriesLeft: nil) }
        if case .verificationFailed(let retries) = status.kind { throw .wrongAccessKey(retriesLeft: retries) }
        throw .cardRejected(step: step, status: status)
    }
}

/// Runs a crypto call and maps its error into `AccessControlError`.
@inline(__always)
func crypto<T>(_ body: () throws(CryptoError) -> T) throws(AccessControlError) -> T {
    do { return try body() } catch { throw .crypto(error) }
}
