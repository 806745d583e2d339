/// The result of active authentication (`verification.active`) or chip authentication
/// (`verification.chip`).
public struct AuthenticationResult: Sendable, Codable, Hashable {
    /// valid / invalid / not-supported / not-performed.
    public var status: AuthenticationStatus
    /// Why, machine-readable.
    public var reasons: [VerificationReason]
    /// How it was done, e.g. `RSA ISO/IEC 9796-2 SHA1`, `ECDH AES-128 (MSE:Set AT)`, `PACE-CAM`.
    public var method: String?
    /// Active Authentication only: the challenge, the chip's response and the algorithm, so the
    /// check can be repeated offline (`cccd verify`, a back end). Absent when no response came.
    public var evidence: ActiveAuthenticationEvidence?
    /// Chip authentication only: protocol, key ID and, after PACE-CAM, the mapping data for an
    /// offline re-check. Encoded as `evidence` too (an object without `challenge`).
    public var chipEvidence: ChipAuthenticationEvidence?

    /// A result with its reasons and method.
    public init(
        status: AuthenticationStatus, reasons: [VerificationReason] = [], method: String? = nil,
        evidence: ActiveAuthenticationEvidence? = nil, chipEvidence: ChipAuthenticationEvidence? = nil
    ) {
        self.status = status
        self.reasons = reasons
        self.method = method
        self.evidence = evidence
        self.chipEvidence = chipEvidence
    }

    private enum CodingKeys: String, CodingKey { case status, reasons, method, evidence }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(status, forKey: .status)
        try c.encode(reasons, forKey: .reasons)
        try c.encodeIfPresent(method, forKey: .method)
        if let evidence {
            try c.encode(evidence, forKey: .evidence)
        } else {
            try c.encodeIfPresent(chipEvidence, forKey: .evidence)
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        status = try c.decode(AuthenticationStatus.self, forKey: .status)
        reasons = try c.decode([VerificationReason].self, forKey: .reasons)
        method = try c.decodeIfPresent(String.self, forKey: .method)
        // Active Authentication's evidence has a challenge; chip authentication's has none.
        let nested = try? c.nestedContainer(keyedBy: ActiveAuthenticationEvidence.ProbeKey.self, forKey: .evidence)
        if nested?.contains(.challenge) == true {
            evidence = try c.decode(ActiveAuthenticationEvidence.self, forKey: .evidence)
        } else {
            chipEvidence = try c.decodeIfPresent(ChipAuthenticationEvidence.self, forKey: .evidence)
        }
    }

    /// This result with `chipEvidence` attached.
    public func with(chipEvidence: ChipAuthenticationEvidence?) -> AuthenticationResult {
        var copy = self
        copy.chipEvidence = chipEvidence
        return copy
    }

    /// This result with `evidence` attached (its algorithm is the method when not given).
    public func with(evidence: ActiveAuthenticationEvidence) -> AuthenticationResult {
        var copy = self
        var evidence = evidence
        if evidence.algorithm == nil { evidence.algorithm = method }
        copy.evidence = evidence
        return copy
    }

    /// Not performed (e.g. offline re-verification of a dump).
    public static func notPerformed(_ why: String) -> AuthenticationResult {
        AuthenticationResult(status: .notPerformed, reasons: [VerificationReason(.notPerformed, .info, why)])
    }

    /// The card does not offer the protocol.
    public static func notSupported(_ why: String) -> AuthenticationResult {
        AuthenticationResult(status: .notSupported, reasons: [VerificationReason(.notSupported, .info, why)])
    }

    /// Not performed because the card stopped answering part-way (``AuthenticationInterruption``):
    /// an `incomplete` reason, so the overall verdict cannot be `valid`.
    public static func interrupted(_ why: String, method: String? = nil) -> AuthenticationResult {
        AuthenticationResult(
            status: .notPerformed, reasons: [VerificationReason(.transmissionFailed, .incomplete, why)], method: method)
    }

    /// Whether this is an ``interrupted(_:method:)`` result.
    public var isInterrupted: Bool {
        status == .notPerformed && reasons.contains { $0.severity == .incomplete }
    }

    /// A failed check.
    public static func invalid(_ reason: VerificationReason, method: String? = nil) -> AuthenticationResult {
        AuthenticationResult(status: .invalid, reasons: [reason], method: method)
    }
}

/// The `verification` block of `cccd read --json` / `cccd verify --json` (interfaces.md).
public struct VerificationReport: Sendable, Codable, Hashable {
    /// `verification.passive`.
    public var passive: PassiveAuthenticationResult
    /// `verification.active`.
    public var active: AuthenticationResult
    /// `verification.chip`.
    public var chip: AuthenticationResult
    /// `verification.overall`.
    public var overall: PassiveStatus

    /// Combines the three results: `valid` only when passive authentication is valid and no
    /// performed check failed; a failed active/chip authentication makes it `invalid`, one the
    /// card broke off makes it at best `incomplete`.
    public init(passive: PassiveAuthenticationResult, active: AuthenticationResult, chip: AuthenticationResult) {
        self.passive = passive
        self.active = active
        self.chip = chip
        self.overall = Self.overall(passive: passive.status, active: active, chip: chip)
    }

    /// The overall verdict, with AA/CA that the card broke off (``AuthenticationResult/isInterrupted``)
    /// holding a `valid` passive authentication at `incomplete`.
    public static func overall(passive: PassiveStatus, active: AuthenticationResult, chip: AuthenticationResult)
        -> PassiveStatus
    {
        let verdict = overall(passive: passive, active: active.status, chip: chip.status)
        if (verdict == .valid || verdict == .expired) && (active.isInterrupted || chip.isInterrupted) {
            return .incomplete
        }
        return verdict
    }

    /// The overall verdict of three statuses (see the initializer).
    public static func overall(passive: PassiveStatus, active: AuthenticationStatus, chip: AuthenticationStatus)
        -> PassiveStatus
    {
        if passive == .invalid || active == .invalid || chip == .invalid { return .invalid }
        return passive
    }

    /// Exit status per docs/interfaces.md: 0 valid, 3 invalid, 4 untrusted or incomplete, 5 expired.
    public var exitCode: Int32 {
        switch overall {
        case .valid: 0
        case .invalid: 3
        case .untrusted, .incomplete: 4
        case .expired: 5
        }
    }
}
