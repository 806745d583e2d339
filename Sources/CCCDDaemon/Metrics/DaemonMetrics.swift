import Metrics
import Prometheus

/// swift-metrics backed by a Prometheus registry (`GET /metrics`). The metrics system is global
/// and can be bootstrapped once per process: ``shared`` does it on first use.
public final class DaemonMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry

    public static let shared: DaemonMetrics = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return DaemonMetrics(registry: registry)
    }()

    private init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
    }

    /// Gauges sampled at scrape time.
    func update(_ services: DaemonServices) {
        Gauge(label: "cccdd_reads_in_memory").record(services.store.count)
        Gauge(label: "cccdd_event_subscribers").record(services.hub.subscriberCount)
        Gauge(label: "cccdd_active_sessions").record(services.readers.activeSessions)
        Gauge(label: "cccdd_readers").record(services.readers.readers().count)
        Gauge(label: "cccdd_face_models_loaded").record(services.face.isLoaded ? 1 : 0)
        Gauge(label: "cccdd_face_comparisons_running").record(services.faceLimiter.running)
        Gauge(label: "cccdd_face_comparisons_peak").record(services.faceLimiter.peak)
        let trust = services.trust.status()
        Gauge(label: "cccdd_trust_anchors").record(trust.anchors)
        Gauge(label: "cccdd_trust_crls").record(trust.revocationLists)
        // Seconds until the first CRL is due (negative once overdue): alert before it reaches 0.
        if let next = trust.earliestCRLNextUpdate {
            Gauge(label: "cccdd_trust_crl_next_update_seconds").record(next.timeIntervalSinceNow)
        }
    }

    /// The Prometheus text exposition.
    func exposition() -> [UInt8] { registry.emitToBuffer() }
}
