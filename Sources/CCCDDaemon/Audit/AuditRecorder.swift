import CCCDAudit
import CCCDDaemonAPI
import CCCDKit
import Foundation
import Logging
import Metrics

/// Writes one audit row per read, verify and compare into the CCCDAudit journal (SQLite): time,
/// client id, reader, outcome, verdicts, similarity, duration and the salted hash of the personal
/// number — never names, dates or photos. With `audit.path` null nothing is written.
///
/// A journal that cannot be written fails the request: the failure is logged (error code only),
/// counted in `cccdd_audit_failures_total`, and the route answers 503 `audit_unavailable` instead
/// of the result — an audit journal a client (or a full disk) can switch off is no audit journal.
/// Client ids with long digit runs are kept as keyed pseudonyms (`AuditJournal.pseudonymousClientID`).
/// With `logging.journal` each recorded event also goes to the systemd journal as `CCCD_*` fields
/// (``JournalFields``, best effort: docs/fleet-monitoring.md).
public final class AuditRecorder: Sendable {
    /// What is journaled; the personal number is only handed to the journal to be hashed.
    struct Row: Sendable, Equatable {
        var operation: AuditOperation
        var clientID: String
        var reader: String?
        var outcome: String
        var passive: String?
        var active: String?
        var chip: String?
        var overall: String?
        var similarity: Double?
        var durationMilliseconds: Double
        var personalNumber: String?
        /// The presentation-attack status of a comparison (e.g. "live"); never a score or image.
        var liveness: String? = nil
        var format: String?
        var readId: String?
    }

    package let journal: AuditJournal?
    private let logger: Logger
    /// The systemd-journal copy; nil with `logging.journal` false.
    let journalSink: JournalSink?

    public init(
        configuration: DaemonConfiguration.Audit, logging: DaemonLogging? = nil, logger: Logger
    ) throws(ConfigurationError) {
        self.logger = logger
        journalSink = logging.flatMap { $0.journal ? JournalSink(path: $0.journalSocket) : nil }
        guard let path = configuration.path else {
            journal = nil
            return
        }
        let saltPath = configuration.saltFile
            ?? ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent("audit.salt")
        do {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty && !FileManager.default.fileExists(atPath: folder) {
                try? FileManager.default.createDirectory(
                    atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o750])
            }
            let salt = try AuditSalt.loadOrCreate(at: saltPath)
            journal = try AuditJournal(
                path: path, salt: salt, retention: configuration.retentionDays.map { .seconds(Int64($0) * 86_400) })
        } catch {
            throw .invalidValue(key: "audit", reason: "\(error)")
        }
    }

    func record(_ row: Row) throws(APIError) {
        guard let journal else {
            journalSink?.send(JournalFields.fields(for: row, client: nil))
            return
        }
        let client = journal.pseudonymousClientID(row.clientID)
        let entry = AuditEntry(
            clientID: client, operation: row.operation, reader: row.reader, outcome: row.outcome,
            passive: row.passive, active: row.active, chip: row.chip, overall: row.overall, similarity: row.similarity,
            durationMilliseconds: row.durationMilliseconds, idHash: row.personalNumber.map { journal.hashID($0) },
            liveness: row.liveness, format: row.format, readId: row.readId)
        do {
            try journal.record(entry)
        } catch {
            logger.error("audit journal write failed", metadata: ["operation": "\(row.operation.rawValue)", "error": "\(error)"])
            Counter(label: "cccdd_audit_failures_total").increment()
            throw .auditUnavailable
        }
        journalSink?.send(JournalFields.fields(for: row, client: client))
    }

    /// Deletes rows past the retention (called periodically).
    func prune() {
        guard let journal else { return }
        do {
            let removed = try journal.pruneExpired()
            if removed > 0 { logger.info("audit rows past retention deleted", metadata: ["rows": "\(removed)"]) }
        } catch {
            logger.error("audit journal prune failed", metadata: ["error": "\(error)"])
        }
    }

    func recordRead(
        result: CardReadResult?, reader: String, clientID: String, outcome: String, duration: Duration, readId: String? = nil
    ) throws(APIError) {
        let verification = result?.verification
        try record(Row(
            operation: .read, clientID: clientID, reader: reader, outcome: outcome,
            passive: verification?.passive.status.rawValue, active: verification?.active.status.rawValue,
            chip: verification?.chip.status.rawValue, overall: verification?.overall.rawValue, similarity: nil,
            durationMilliseconds: duration.millisecondsDouble,
            personalNumber: result?.citizen?.personalNumber ?? result?.document?.personalNumber, readId: readId))
    }

    func recordVerify(passive: String?, overall: String?, personalNumber: String?, clientID: String, outcome: String,
                      duration: Duration) throws(APIError)
    {
        try record(Row(
            operation: .verify, clientID: clientID, reader: nil, outcome: outcome, passive: passive,
            active: nil, chip: nil, overall: overall, similarity: nil, durationMilliseconds: duration.millisecondsDouble,
            personalNumber: personalNumber))
    }

    /// "evidence exported": format, read id and client; never the bundle. Throws (503) when the
    /// journal cannot take the row: no unaudited export.
    func recordEvidenceExport(format: String, readId: String, clientID: String) throws(APIError) {
        // The client id as the journal stores it: a long digit run in it (which could be an ID
        // number) never reaches the log in clear; without a journal there is no salt, so no client.
        var metadata: Logger.Metadata = ["format": "\(format)", "readId": "\(readId)"]
        if let journal { metadata["client"] = "\(journal.pseudonymousClientID(clientID))" }
        logger.info("evidence exported", metadata: metadata)
        try record(Row(
            operation: .evidenceExport, clientID: clientID, reader: nil, outcome: "ok", durationMilliseconds: 0,
            format: format, readId: readId))
        Counter(label: "cccdd_evidence_exports_total", dimensions: [("format", format)]).increment()
    }

    func recordCompare(similarity: Double?, personalNumber: String?, reader: String?, clientID: String, outcome: String,
                       duration: Duration, liveness: String? = nil) throws(APIError)
    {
        try record(Row(
            operation: .compare, clientID: clientID, reader: reader, outcome: outcome, passive: nil, active: nil,
            chip: nil, overall: nil, similarity: similarity, durationMilliseconds: duration.millisecondsDouble,
            personalNumber: personalNumber, liveness: liveness))
    }
}

extension Duration {
    var millisecondsDouble: Double {
        Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
    }
}
