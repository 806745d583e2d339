/// Everything `cccd doctor` checked, in order. `passed` is true when no check failed (warnings allowed).
public struct DoctorReport: Sendable, Codable, Hashable {
    public var passed: Bool
    public var checks: [DoctorCheck]

    public init(checks: [DoctorCheck]) {
        self.checks = checks
        self.passed = !checks.contains { $0.status == .fail }
    }

    /// The identifiers of the failing checks, in order (duplicates removed).
    public var failing: [String] {
        var seen = Set<String>()
        return checks.filter { $0.status == .fail && seen.insert($0.id).inserted }.map(\.id)
    }

    /// One line per check: `[PASS] id: summary`, and for the others an indented `fix:` line.
    public var text: String {
        var lines: [String] = []
        for check in checks {
            lines.append("[\(check.status.rawValue.uppercased())] \(check.id): \(check.summary)")
            if let fix = check.fix { lines.append("       fix: \(fix)") }
        }
        lines.append(passed ? "All checks passed." : "Failing: \(failing.joined(separator: ", ")).")
        return lines.joined(separator: "\n")
    }
}
