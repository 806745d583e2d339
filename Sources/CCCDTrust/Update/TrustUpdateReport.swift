/// What `cccd trust update` did, source by source.
package struct TrustUpdateReport: Sendable, Codable, Hashable {
    package struct Source: Sendable, Codable, Hashable, CustomStringConvertible {
        package enum Status: String, Sendable, Codable, Hashable {
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
        package var url: String
        package var status: Status
        package var detail: String

        package var description: String { "\(status.rawValue): \(url): \(detail)" }
    }

    package var sources: [Source]

    /// Whether nothing could be fetched at all (offline, or every host down).
    package var offline: Bool { !sources.isEmpty && sources.allSatisfy { $0.status == .unreachable } }
    package var updated: Int { sources.filter { $0.status == .updated }.count }
}
