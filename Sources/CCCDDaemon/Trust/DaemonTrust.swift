import CCCDPrimitives
import CCCDTrust
import CCCDVerification
import Foundation

/// The daemon's trust store: loaded at start, reloaded after a scheduled refresh
/// (``TrustRefreshService``), and described in `/v1/status` and `/metrics`. Certificate data
/// only; nothing about holders.
final class DaemonTrust: Sendable {
    /// The folder when the store comes from one (`trustDir` / `CCCD_TRUST_DIR` / default); nil
    /// when the configuration names explicit `trust` paths (those are never refreshed).
    let folder: TrustFolder?
    private let paths: [String]
    /// The store, the last refresh, and what `status()` says about them — computed when one of the
    /// two changes, not per `/v1/status` request (the dates come from every certificate and CRL).
    private let state: LockedBox<(store: TrustStore, lastUpdate: TrustStatus.LastUpdate?, status: TrustStatus)>

    init(configuration: DaemonConfiguration) {
        paths = configuration.trust
        let folder =
            configuration.trust.isEmpty
            ? TrustFolder(url: configuration.trustDir.map { URL(fileURLWithPath: $0) } ?? TrustStoreLocation.folder())
            : nil
        self.folder = folder
        let store = folder?.store() ?? TrustStore.commandLine(paths: configuration.trust)
        state = LockedBox((store, nil, Self.status(of: store, lastUpdate: nil, folder: folder)))
    }

    /// The store reads and verifications use now.
    var store: TrustStore { state.withLock { $0.store } }

    /// Loads the store again (after a refresh).
    func reload() {
        let store = folder?.store() ?? TrustStore.commandLine(paths: paths)
        let folder = self.folder
        state.withLock {
            $0.store = store
            $0.status = Self.status(of: store, lastUpdate: $0.lastUpdate, folder: folder)
        }
    }

    /// Records a refresh; returns its outcome word (as `/v1/status` shows it).
    @discardableResult
    func recordUpdate(_ report: TrustUpdateReport, at time: Date = Date()) -> String {
        let outcome =
            report.sources.isEmpty
            ? "nothing-to-fetch" : report.offline ? "offline" : report.updated > 0 ? "updated" : "unchanged"
        let folder = self.folder
        state.withLock {
            $0.lastUpdate = TrustStatus.LastUpdate(time: time, outcome: outcome, updated: report.updated)
            $0.status = Self.status(of: $0.store, lastUpdate: $0.lastUpdate, folder: folder)
        }
        return outcome
    }

    /// What `/v1/status` says about the store.
    func status() -> TrustStatus { state.withLock { $0.status } }

    private static func status(of store: TrustStore, lastUpdate: TrustStatus.LastUpdate?, folder: TrustFolder?) -> TrustStatus {
        let nextUpdates = store.revocationLists.compactMap(\.nextUpdate)
        return TrustStatus(
            source: folder?.url.path ?? "configuration",
            anchors: store.anchors.count, revocationLists: store.revocationLists.count,
            earliestCRLNextUpdate: nextUpdates.min(),
            earliestAnchorExpiry: store.anchors.compactMap(\.notAfter).min(),
            lastUpdate: lastUpdate)
    }
}

/// The `trust` block of `/v1/status`.
public struct TrustStatus: Codable, Sendable, Equatable {
    public struct LastUpdate: Codable, Sendable, Equatable {
        public var time: Date
        /// `updated`, `unchanged`, `offline` or `nothing-to-fetch`.
        public var outcome: String
        public var updated: Int
    }

    /// The trust store folder, or `configuration` for explicit `trust` paths.
    public var source: String
    public var anchors: Int
    public var revocationLists: Int
    /// When the first installed CRL is due for renewal (verification warns after it).
    public var earliestCRLNextUpdate: Date?
    public var earliestAnchorExpiry: Date?
    /// The last scheduled refresh, when one ran since the start.
    public var lastUpdate: LastUpdate?
}
