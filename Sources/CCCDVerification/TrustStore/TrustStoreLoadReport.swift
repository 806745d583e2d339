/// What loading a trust store did, file by file.
public struct TrustStoreLoadReport: Sendable, Codable, Hashable {
    /// One loaded or skipped item.
    public struct Entry: Sendable, Codable, Hashable, CustomStringConvertible {
        public enum Kind: String, Sendable, Codable, Hashable {
            case cscaCertificate, documentSignerCertificate, revocationList, masterList, unknown
        }
        public enum Outcome: String, Sendable, Codable, Hashable {
            case loaded, skipped, warning
        }
        public var source: String
        public var kind: Kind
        public var outcome: Outcome
        /// Why it was skipped, or what to know (e.g. "master list signer not trusted").
        public var detail: String
        /// Certificates or CRLs taken from this source.
        public var count: Int

        public init(source: String, kind: Kind, outcome: Outcome, detail: String, count: Int = 0) {
            self.source = source
            self.kind = kind
            self.outcome = outcome
            self.detail = detail
            self.count = count
        }

        public var description: String { "\(outcome.rawValue) \(kind.rawValue) \(source): \(detail)" }
    }

    public var entries: [Entry]

    public init(entries: [Entry] = []) {
        self.entries = entries
    }

    /// The skipped items.
    public var skipped: [Entry] { entries.filter { $0.outcome == .skipped } }

    func appending(_ other: TrustStoreLoadReport) -> TrustStoreLoadReport {
        TrustStoreLoadReport(entries: entries + other.entries)
    }
}
