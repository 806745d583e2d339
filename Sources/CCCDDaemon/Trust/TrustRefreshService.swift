import CCCDTrust
import Foundation
import Logging
import Metrics
import ServiceLifecycle

/// Runs `cccd trust update` on a schedule (`trustUpdateHours`; off by default) for a daemon whose
/// store is a folder, then reloads the store. A failed refresh keeps the store as it was.
struct TrustRefreshService: Service {
    let trust: DaemonTrust
    let interval: Duration
    let mirror: URL?
    let logger: Logger

    func run() async throws {
        guard let folder = trust.folder else { return }
        let updater = TrustUpdater(folder: folder, mirror: mirror)
        while !Task.isCancelled {
            let report = await updater.update()
            let outcome = trust.recordUpdate(report)
            trust.reload()
            Counter(label: "cccdd_trust_updates_total", dimensions: [("outcome", outcome)]).increment()
            // Certificate URLs and counts only.
            logger.info("trust store refresh", metadata: ["outcome": "\(outcome)", "updated": "\(report.updated)"])
            for source in report.sources where source.status == .rejected || source.status == .unreachable {
                logger.warning("trust store refresh: \(source)")
            }
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch {
                return
            }
        }
    }
}
