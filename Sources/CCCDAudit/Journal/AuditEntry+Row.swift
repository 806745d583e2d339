import Foundation
import GRDB

extension AuditEntry {
    static let columns = "time_ms, client_id, operation, reader, outcome, passive, active, chip, overall, similarity, duration_ms, id_hash, liveness, format, read_id"

    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    var insertArguments: StatementArguments {
        [
            Self.milliseconds(time), clientID, operation.rawValue, reader, outcome, passive, active, chip, overall,
            similarity, durationMilliseconds, idHash, liveness, format, readId,
        ]
    }

    /// nil for a row whose operation this version does not know (written by a newer one).
    init?(row: Row) {
        guard let operation = AuditOperation(rawValue: row["operation"]) else { return nil }
        let ms: Int64 = row["time_ms"]
        self.init(
            time: Date(timeIntervalSince1970: Double(ms) / 1000), clientID: row["client_id"], operation: operation,
            reader: row["reader"], outcome: row["outcome"], passive: row["passive"], active: row["active"],
            chip: row["chip"], overall: row["overall"], similarity: row["similarity"],
            durationMilliseconds: row["duration_ms"], idHash: row["id_hash"], liveness: row["liveness"],
            format: row["format"], readId: row["read_id"])
    }
}
