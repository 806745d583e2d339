import CCCDLDS

/// The protocol the access procedure actually used.
public enum AccessProtocolUsed: Sendable, Equatable, CustomStringConvertible {
    case pace(PACEAlgorithm, parameterID: Int?)
    case bac

    public var description: String {
        switch self {
        case .pace(let algorithm, let id): return "PACE \(algorithm)" + (id.map { " (parameters \($0))" } ?? "")
        case .bac: return "BAC"
        }
    }
}

/// What the access procedure established.
public struct AccessResult: Sendable {
    public let protocolUsed: AccessProtocolUsed
    public let secureMessaging: SecureMessagingState
    /// Set when PACE ran.
    public let pace: PACEResult?
    /// The SecurityInfos PACE was chosen from (read from the card, or the policy's assumption).
    public let cardAccess: SecurityInfos?
    /// True when `cardAccess` came from `AccessPolicy.assumedCardAccess`, not from the card.
    public let cardAccessAssumed: Bool
    /// Why PACE was not used although offered (only with `allowBACFallback`).
    public let paceFailure: AccessControlError?
}
