/// One line of `cccd doctor` (and one element of `GET /v1/diagnostics`): what was checked, how it
/// went, what was found, and — when it did not pass — what to do. Never holds personal data: reader
/// names, ATRs, file paths, fingerprints and timings only.
public struct DoctorCheck: Sendable, Codable, Hashable {
    public enum Status: String, Sendable, Codable, Hashable {
        /// Works.
        case pass
        /// Worth a look but not an installation fault (no card on the reader, optional model absent,
        /// no daemon configured); does not change the exit status.
        case warn
        /// Broken: genuine cards will not be read, verified or compared until it is fixed.
        case fail
    }

    /// A stable identifier: `pcscd`, `reader`, `card`, `card-access`, `trust-store`, `face-models`,
    /// `daemon-config`, `token-file`, `listen-address`, `healthz`, `clock`.
    public var id: String
    public var status: Status
    /// What was found, one sentence.
    public var summary: String
    /// What to do about it; set when the status is not `pass`.
    public var fix: String?

    public init(_ id: String, _ status: Status, _ summary: String, fix: String? = nil) {
        self.id = id
        self.status = status
        self.summary = summary
        self.fix = status == .pass ? nil : fix
    }

    static func pass(_ id: String, _ summary: String) -> DoctorCheck { DoctorCheck(id, .pass, summary) }
    static func warn(_ id: String, _ summary: String, fix: String) -> DoctorCheck { DoctorCheck(id, .warn, summary, fix: fix) }
    static func fail(_ id: String, _ summary: String, fix: String) -> DoctorCheck { DoctorCheck(id, .fail, summary, fix: fix) }
}
