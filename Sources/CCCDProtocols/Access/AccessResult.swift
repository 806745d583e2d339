import CCCDLDS

/// The protocol the access procedure actually used.
package enum AccessProtocolUsed: Sendable, Equatable, CustomStringConvertible {
    case pace(PACEAlgorithm, parameterID: Int?)
    case bac

    package var description: String {
        switch self {
        case .pace(let algorithm, let id): return "PACE \(algorithm)" + (id.map { " (parameters \($0))" } ?? "")
        case .bac: return "BAC"
        }
    }
}

/// What the access procedure established.
package struct AccessResult: Sendable {
    package let protocolUsed: AccessProtocolUsed
    package let secureMessaging: SecureMessagingState
    /// Set when PACE ran.
    package let pace: PACEResult?
    /// The SecurityInfos PACE was chosen from (read from the card, or the policy's assumption).
    package let cardAccess: SecurityInfos?
    /// True when `cardAccess` came from `AccessPolicy.assumedCardAccess`, not from the card.
    package let cardAccessAssumed: Bool
    /// Why PACE was not used although offered (only with `allowBACFallback`).
    package let paceFailure: AccessControlError?
}
