import CCCDLDS

/// DG13: the Vietnamese citizen data; what parses survives the JSON shape of `cccd read --json`.
enum DG13Target {
    static func run(_ bytes: [UInt8]) throws(FuzzInvariantViolation) -> FuzzOutcome {
        guard let citizen = try? DG13Parser.parse(bytes) else { return .rejected }
        try Invariant.jsonRoundTrip(citizen, .dg13)
        // Parsing is a function of the bytes.
        try Invariant.check((try? DG13Parser.parse(bytes)) == citizen, .dg13, "a second parse differs")
        return .accepted
    }
}
