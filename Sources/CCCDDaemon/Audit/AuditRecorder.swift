import CCCDKit
import Foundation
import Logging

/// Writes one audit row per read, verify and compare.
///
/// AUDIT CALL SITE (pending): the journal is module CCCDAudit (branch `audit`). Until it is merged
/// this recorder only counts the rows it would write; once merged, `record` builds an
/// `AuditEntry` (time, client id, reader, outcome, verdicts, similarity, duration and the salted
/// hash of the personal number — never names, dates or photos) and calls `journal.record(...)`.
public final class AuditRecorder: Sendable {
    /// What would be journaled, without any personal data (the ID is reduced to its salted hash).
    public struct Row: Sendable, Equatable {
        public enum Operation: String, Sendable { case read, verify, compare }
        public var operation: Operation
        public var clientID: String
        public var reader: String?
        public var outcome: String
        public var passive: String?
        public var active: String?
        public var chip: String?
        public var overall: String?
        public var similarity: Double?
        public var durationMilliseconds: Double
        /// The personal number, only to be hashed by the journal; never stored or logged as is.
        var personalNumber: String?
    }

    private let logger: Logger
    private let pending = LockedBox(0)

    public init(configuration: DaemonConfiguration.Audit, logger: Logger) throws(ConfigurationError) {
        self.logger = logger
    }

    public var rowsSeen: Int { pending.withLock { $0 } }

    func record(_ row: Row) {
        // CCCDAudit: journal.record(AuditEntry(...)) goes here.
        pending.withLock { $0 += 1 }
    }

    func recordRead(result: CardReadResult?, reader: String, clientID: String, outcome: String, duration: Duration) {
        let verification = result?.verification
        record(Row(
            operation: .read, clientID: clientID, reader: reader, outcome: outcome,
            passive: verification?.passive.status.rawValue, active: verification?.active.status.rawValue,
            chip: verification?.chip.status.rawValue, overall: verification?.overall.rawValue, similarity: nil,
            durationMilliseconds: duration.millisecondsDouble,
            personalNumber: result?.citizen?.personalNumber ?? result?.document?.personalNumber))
    }

    func recordVerify(passive: String?, overall: String?, personalNumber: String?, clientID: String, outcome: String,
                      duration: Duration)
    {
        record(Row(
            operation: .verify, clientID: clientID, reader: nil, outcome: outcome, passive: passive,
            active: nil, chip: nil, overall: overall, similarity: nil, durationMilliseconds: duration.millisecondsDouble,
            personalNumber: personalNumber))
    }

    func recordCompare(similarity: Double?, personalNumber: String?, reader: String?, clientID: String, outcome: String,
                       duration: Duration)
    {
        record(Row(
            operation: .compare, clientID: clientID, reader: reader, outcome: outcome, passive: nil, active: nil,
            chip: nil, overall: nil, similarity: similarity, durationMilliseconds: duration.millisecondsDouble,
            personalNumber: personalNumber))
    }
}

extension Duration {
    var millisecondsDouble: Double {
        Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
    }
}
