import Foundation

/// One journal row: who asked for what, when, on which reader, and how it ended. Holds no personal
/// data: the ID number only as `idHash` (see `AuditJournal.hashID`), never names, dates of birth or photos.
///
/// `time` is stored with millisecond precision.
public struct AuditEntry: Codable, Sendable, Equatable {
    public var time: Date
    /// The API client (token name or peer description), as the daemon identifies it.
    public var clientID: String
    public var operation: AuditOperation
    public var reader: String?
    /// "ok" or the error code the client got (e.g. "wrong_access_key").
    public var outcome: String
    /// Verdicts as `cccd read --json` spells them ("valid", "invalid", "notPerformed", …).
    public var passive: String?
    public var active: String?
    public var chip: String?
    public var overall: String?
    /// Face similarity of a comparison.
    public var similarity: Double?
    public var durationMilliseconds: Double
    /// HMAC-SHA256 of the 12-digit ID under the journal's salt, lower-case hex; never the ID itself.
    public var idHash: String?
    /// The presentation-attack status of a comparison ("live", "attack-suspected", "insufficient-quality",
    /// "not-available"); nil for other operations and rows written before it existed.
    public var liveness: String?
    /// Evidence exports: the bundle format (`cccdkit`, `ekyc-raw`, `rar`) and the daemon's read id.
    public var format: String?
    public var readId: String?

    public init(
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
