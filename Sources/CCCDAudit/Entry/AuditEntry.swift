import Foundation

/// One journal row: who asked for what, when, on which reader, and how it ended. Holds no personal
/// data: the ID number only as `idHash` (see `AuditJournal.hashID`), never names, dates of birth or photos.
///
/// `time` is stored with millisecond precision.
package struct AuditEntry: Codable, Sendable, Equatable {
    package var time: Date
    /// The API client (token name or peer description), as the daemon identifies it.
    package var clientID: String
    package var operation: AuditOperation
    package var reader: String?
    /// "ok" or the error code the client got (e.g. "wrong_access_key").
    package var outcome: String
    /// Verdicts as `cccd read --json` spells them ("valid", "invalid", "notPerformed", …).
    package var passive: String?
    package var active: String?
    package var chip: String?
    package var overall: String?
    /// Face similarity of a comparison.
    package var similarity: Double?
    package var durationMilliseconds: Double
    /// HMAC-SHA256 of the 12-digit ID under the journal's salt, lower-case hex; never the ID itself.
    package var idHash: String?
    /// The presentation-attack status of a comparison ("live", "attack-suspected", "insufficient-quality",
    /// "not-available"); nil for other operations and rows written before it existed.
    package var liveness: String?
    /// Evidence exports: the bundle format (`cccdkit`, `ekyc-raw`, `rar`) and the daemon's read id.
    package var format: String?
    package var readId: String?

    package init(
        time: Date = Date(), clientID: String, operation: AuditOperation, reader: String? = nil,
        outcome: String, passive: String? = nil, active: String? = nil, chip: String? = nil,
        overall: String? = nil, similarity: Double? = nil, durationMilliseconds: Double, idHash: String? = nil,
        liveness: String? = nil, format: String? = nil, readId: String? = nil
    ) {
        self.time = time
        self.clientID = clientID
        self.operation = operation
        self.reader = reader
        self.outcome = outcome
        self.passive = passive
        self.active = active
        self.chip = chip
        self.overall = overall
        self.similarity = similarity
        self.durationMilliseconds = durationMilliseconds
        self.idHash = idHash
        self.liveness = liveness
        self.format = format
        self.readId = readId
    }
}
