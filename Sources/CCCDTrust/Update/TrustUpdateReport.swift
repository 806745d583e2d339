/// What `cccd trust update` did, source by source.
public struct TrustUpdateReport: Sendable, Codable, Hashable {
    public struct Source: Sendable, Codable, Hashable, CustomStringConvertible {
        public enum Status: String, Sendable, Codable, Hashable {
            /// A newer CRL or a link certificate was installed.
            case updated
            /// What the source serves is what is installed.
            case unchanged
            /// Served, but not installed (not signed by the anchor, older, a new root to review).
            case rejected
            /// Could not be fetched.
            case unreachable
        }

        /// The URL fetched (after the mirror is applied).
        public var url: String
        public var status: Status
        public var detail: String

        public var description: String { "\(status.rawValue): \(url): \(detail)" }
    }

    public var sources: [Source]

    /// Whether nothing could be fetched at all (offline, or every host down).
    public var offline: Bool { !sources.isEmpty && sources.allSatisfy { $0.status == .unreachable } }
    public var updated: Int { sources.filter { $0.status == .updated }.count }
}
