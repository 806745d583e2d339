import CCCDAudit
import Foundation

/// The structured systemd-journal entry of one audit event (docs/fleet-monitoring.md): what the
/// SQLite row holds, less the ID hash — no names, numbers, dates or photos; the client id as the
/// audit journal stores it (long digit runs as keyed pseudonyms).
enum JournalFields {
    /// `(FIELD, value)` in a fixed order; fields without a value are left out.
    static func fields(for row: AuditRecorder.Row, client: String?) -> [(String, String)] {
        let event = row.operation.rawValue
        var message = "cccdd audit: \(event) \(row.outcome)"
        if let overall = row.overall { message += " (\(overall))" }
        var fields: [(String, String?)] = [
            ("MESSAGE", message),
            ("PRIORITY", row.outcome == "ok" ? "6" : "5"),  // info; notice for failures
            ("SYSLOG_IDENTIFIER", "cccdd"),
            ("CCCD_EVENT", event),
            ("CCCD_OUTCOME", row.outcome),
            ("CCCD_VERDICT", row.overall),
            ("CCCD_PASSIVE", row.passive),
            ("CCCD_ACTIVE", row.active),
            ("CCCD_CHIP", row.chip),
            ("CCCD_LIVENESS", row.liveness),
            ("CCCD_SIMILARITY", row.similarity.map { String(format: "%.4f", $0) }),
            ("CCCD_FORMAT", row.format),
            ("CCCD_READ_ID", row.readId),
            ("CCCD_READER", row.reader),
            ("CCCD_CLIENT", client),
            ("CCCD_DURATION_MS", String(format: "%.1f", row.durationMilliseconds)),
        ]
        if row.operation == .evidenceExport { fields.removeAll { $0.0 == "CCCD_DURATION_MS" } }
        return fields.compactMap { name, value in value.map { (name, $0) } }
    }

    /// journald's native protocol (systemd.journal-fields(7), "Native Journal Protocol"): one
    /// `NAME=value\n` per field, or, for a value holding a newline, `NAME\n`, its length as 64-bit
    /// little endian, the value and `\n`.
    static func datagram(_ fields: [(String, String)]) -> [UInt8] {
        var bytes: [UInt8] = []
        for (name, value) in fields {
            bytes += Array(name.utf8)
            let data = Array(value.utf8)
            if data.contains(UInt8(ascii: "\n")) {
                bytes.append(UInt8(ascii: "\n"))
                withUnsafeBytes(of: UInt64(data.count).littleEndian) { bytes += $0 }
            } else {
                bytes.append(UInt8(ascii: "="))
            }
            bytes += data
            bytes.append(UInt8(ascii: "\n"))
        }
        return bytes
    }
}
