import CCCDAudit
import CCCDPrimitives
import Foundation

/// The three output forms of `cccd audit`.
enum AuditExport {
    static let columns = [
        "time", "clientID", "operation", "reader", "outcome", "passive", "active", "chip", "overall", "similarity",
        "durationMilliseconds", "idHash", "liveness",
    ]

    static func utcTime(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    struct Document: Encodable {
        var entries: [AuditEntry]
    }

    static func json(_ entries: [AuditEntry]) throws -> Data {
        let encoder = JSONCoding.encoder(pretty: true)
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(utcTime(date))
        }
        return try encoder.encode(Document(entries: entries))
    }

    static func csv(_ entries: [AuditEntry]) -> String {
        var out = columns.joined(separator: ",") + "\r\n"
        for e in entries {
            let fields: [String] = [
                utcTime(e.time), cell(e.clientID), e.operation.rawValue, cell(e.reader), cell(e.outcome), cell(e.passive),
                cell(e.active), cell(e.chip), cell(e.overall), e.similarity.map { String($0) } ?? "",
                String(e.durationMilliseconds), e.idHash ?? "", cell(e.liveness),
            ]
            out += fields.map(quoted).joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// A text cell made harmless for spreadsheets: a leading =, +, -, @ (formula) gets a quote mark.
    private static func cell(_ value: String?) -> String {
        guard let value else { return "" }
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { return "'" + value }
        return value
    }

    /// RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled.
    private static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func text(_ entries: [AuditEntry]) -> String {
        guard !entries.isEmpty else { return "No audit entries.\n" }
        let local = DateFormatter()
        local.locale = Locale(identifier: "en_US_POSIX")
        local.dateFormat = "yyyy-MM-dd HH:mm:ss"
        var out = ""
        for e in entries {
            var parts = [
                local.string(from: e.time), e.operation.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0),
                e.outcome,
            ]
            if let overall = e.overall { parts.append("overall=\(overall)") }
            if let similarity = e.similarity { parts.append(String(format: "similarity=%.3f", similarity)) }
            if let liveness = e.liveness { parts.append("liveness=\(liveness)") }
            parts.append(String(format: "%.0f ms", e.durationMilliseconds))
            if let reader = e.reader { parts.append("reader=\"\(reader)\"") }
            parts.append("client=\(e.clientID)")
            if let hash = e.idHash { parts.append("id=\(hash.prefix(12))…") }
            out += parts.joined(separator: "  ") + "\n"
        }
        out += "\(entries.count) entr\(entries.count == 1 ? "y" : "ies")\n"
        return out
    }
}
