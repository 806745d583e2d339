/// The `verification` block (shared/interfaces.md). The reader never fills it by itself: a
/// ``ReadResultVerifier`` (another module) computes it, or the caller attaches one later with
/// ``CardReadResult/verification``.
public struct VerificationSummary: Sendable, Hashable, Codable {
    /// The status of one check or of the whole.
    public enum Status: String, Sendable, Hashable, Codable {
        case valid, invalid, untrusted, incomplete
        /// Intact and trusted, but the document or its signer's certificate is past its validity.
        case expired
        case notSupported = "not-supported"
        case notPerformed = "not-performed"
    }

    /// One check (passive, active or chip authentication) with the reasons behind its status.
    public struct Check: Sendable, Hashable, Codable {
        public var status: Status
        public var reasons: [String]

        public init(status: Status, reasons: [String] = []) {
            self.status = status
            self.reasons = reasons
        }
    }

    public var passive: Check
    public var active: Check
    public var chip: Check
    /// `valid` only when passive authentication is valid and no performed check failed.
    public var overall: Status

    public init(passive: Check, active: Check, chip: Check, overall: Status) {
        self.passive = passive
        self.active = active
        self.chip = chip
        self.overall = overall
    }

    /// What to report when no verifier ran: `incomplete`, never `valid`.
    public static func notAvailable(reason: String = "verification not available") -> VerificationSummary {
        VerificationSummary(
            passive: Check(status: .incomplete, reasons: [reason]), active: Check(status: .notPerformed),
            chip: Check(status: .notPerformed), overall: .incomplete)
    }
}

/// The `face` block: the result of matching the chip photo against a live image (another module).
public struct FaceMatchSummary: Sendable, Hashable, Codable {
    public var match: Bool
    /// 0.0–1.0.
    public var similarity: Double
    public var threshold: Double

    public init(match: Bool, similarity: Double, threshold: Double) {
        self.match = match
        self.similarity = similarity
        self.threshold = threshold
    }
}
