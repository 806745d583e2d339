import CCCDPrimitives
import CCCDTrust
import Foundation

/// `cccd trust list --json`.
struct TrustListing: Encodable {
    var folder: String
    var entries: [TrustEntry]
}

/// `cccd trust check --json`.
struct TrustCheckOutput: Encodable {
    var folder: String
    var problems: [TrustProblem]
}

/// The trust subcommands' output.
enum TrustOutput {
    static func json(_ value: some Encodable) throws -> Data {
        try JSONCoding.encoder(pretty: true).encode(value) + Data([0x0A])
    }

    static func text(_ entries: [TrustEntry], folder: String) -> String {
        guard !entries.isEmpty else {
            return "trust store \(folder): empty — every card will read untrusted (cccd trust add, docs/trust-store.md)"
        }
        var lines = ["trust store \(folder): \(entries.count) items"]
        for entry in entries {
            var line = "\(entry.kind.rawValue.padding(toLength: 15, withPad: " ", startingAt: 0)) \(entry.file)"
            if let official = entry.official { line += "  [official: \(official)]" }
            lines.append(line)
            if let subject = entry.subject { lines.append("    subject   \(subject)") }
            if entry.kind == .crl, let issuer = entry.issuer { lines.append("    issuer    \(issuer)") }
            lines.append("    sha256    \(entry.sha256)")
            if let ski = entry.subjectKeyIdentifier { lines.append("    key id    \(ski)") }
            if let notBefore = entry.notBefore, let notAfter = entry.notAfter {
                lines.append("    valid     \(day(notBefore)) … \(day(notAfter))\(entry.daysLeft.map { " (\($0) days left)" } ?? "")")
            }
            if let period = entry.privateKeyUsagePeriod {
                lines.append("    signs     \(period.notBefore.map(day) ?? "?") … \(period.notAfter.map(day) ?? "?")")
            }
            if let present = entry.crlPresent {
                lines.append("    CRL       \(present ? "next update \(entry.crlNextUpdate.map(day) ?? "?")" : "none installed")")
            }
            if entry.kind == .crl { lines.append("    updates   \(entry.thisUpdate.map(day) ?? "?") → next \(entry.nextUpdate.map(day) ?? "?")") }
            if let count = entry.certificateCount { lines.append("    holds     \(count) certificates") }
        }
        return lines.joined(separator: "\n")
    }

    static func day(_ date: Date) -> String { TrustFolder.day(date) }
}
