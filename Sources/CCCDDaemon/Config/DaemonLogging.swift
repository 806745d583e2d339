import Foundation

/// Where audit events go besides the SQLite journal (the `logging` object of the configuration):
/// the systemd journal, as structured `CCCD_*` fields a log pipeline can collect (docs/fleet-monitoring.md).
public struct DaemonLogging: Sendable, Equatable, Codable {
    /// Send each audit event to journald too. Without a journal socket (no systemd, a container)
    /// nothing is sent and nothing is reported: the SQLite journal stays the record.
    public var journal: Bool
    /// journald's native-protocol datagram socket; another path is for tests and relays.
    public var journalSocket: String

    public static let defaultJournalSocket = "/run/systemd/journal/socket"

    public init(journal: Bool = true, journalSocket: String = DaemonLogging.defaultJournalSocket) {
        self.journal = journal
        self.journalSocket = journalSocket
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case journal, journalSocket
    }

    static let knownKeys = Set(CodingKeys.allCases.map(\.rawValue))

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        journal = try c.decodeIfPresent(Bool.self, forKey: .journal) ?? true
        journalSocket = try c.decodeIfPresent(String.self, forKey: .journalSocket) ?? Self.defaultJournalSocket
    }

    func validate() throws(ConfigurationError) {
        guard journalSocket.hasPrefix("/"), journalSocket.utf8.count < 108 else {
            throw .invalidValue(key: "logging.journalSocket", reason: "must be an absolute path shorter than 108 bytes")
        }
    }
}
