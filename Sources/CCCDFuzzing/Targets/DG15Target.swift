import CCCDLDS

/// DG15: the Active Authentication public key; the SubjectPublicKeyInfo it keeps parses to the
/// same key on its own.
enum DG15Target {
    static func run(_ bytes: [UInt8]) throws(FuzzInvariantViolation) -> FuzzOutcome {
        guard let info = try? DG15Parser.parse(bytes) else { return .rejected }
        let again = try? PublicKeyInfoParser.parse(subjectPublicKeyInfo: info.subjectPublicKeyInfoDER)
        try Invariant.check(again == info, .dg15, "the kept SubjectPublicKeyInfo does not parse to the same key")
        try Invariant.jsonRoundTrip(info, .dg15)
        return .accepted
    }
}
