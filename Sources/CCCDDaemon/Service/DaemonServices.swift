import CCCDCrypto
import CCCDKit
import CCCDVerification
import Foundation
import Logging

/// Everything the routes share: configuration, token, readers, reads, events, face engine, audit.
public final class DaemonServices: Sendable {
    public let configuration: DaemonConfiguration
    /// The legacy token and the per-client tokens (``ClientRegistry``).
    public let clients: ClientRegistry
    public let hub: EventHub
    public let store: ReadStore
    public let readers: ReaderManager
    /// The trust store now (reloaded after a scheduled refresh).
    public var trustStore: TrustStore { trust.store }
    let trust: DaemonTrust
    public let audit: AuditRecorder
    /// The device's ES256 key for signed evidence bundles, and its public JWK.
    let deviceKey: P256SigningKey
    public let deviceJWK: DeviceJWK
    public let face: FaceService
    /// At most `limits.maxFaceComparisons` comparisons run at once.
    let faceLimiter: AsyncLimiter
    public let metrics: DaemonMetrics
    public let logger: Logger
    public let startedAt: ContinuousClock.Instant

    public init(configuration: DaemonConfiguration, token: AccessToken, metrics: DaemonMetrics, logger: Logger)
        throws(ConfigurationError)
    {
        self.configuration = configuration
        clients = try ClientRegistry(legacy: token, tokensFile: configuration.tokensPath, logger: logger)
        self.logger = logger
        self.metrics = metrics
        hub = EventHub()
        store = ReadStore(timeToLive: TimeInterval(configuration.readTTLSeconds))
        readers = ReaderManager(hub: hub, store: store, logger: logger, readerProfiles: configuration.readerProfiles)
        trust = DaemonTrust(configuration: configuration)
        audit = try AuditRecorder(configuration: configuration.audit, logging: configuration.logging, logger: logger)
        let (key, created) = try DeviceKeyFile.loadOrCreate(path: configuration.deviceKeyPath)
        deviceKey = key
        do {
            deviceJWK = DeviceJWK(key: try key.publicKey())
        } catch {
            throw .deviceKeyFile(path: configuration.deviceKeyPath, reason: "no public key: \(error)")
        }
        if created {
            logger.notice("created a new device signing key", metadata: ["deviceKeyFile": "\(configuration.deviceKeyPath)"])
        }
        face = FaceService(level: configuration.face.level, padThreshold: configuration.face.padThreshold)
        faceLimiter = AsyncLimiter(
            limit: configuration.limits.maxFaceComparisons, maximumWait: .seconds(configuration.limits.faceQueueSeconds))
        startedAt = .now
    }

    var readRunner: ReadRunner {
        ReadRunner(
            readers: readers, store: store, hub: hub, trustStore: trustStore, audit: audit, logger: logger,
            face: configuration.face.precomputesChipTemplate ? face : nil)
    }

    /// The TCP port, or `nil` on a Unix socket.
    var port: Int? {
        if configuration.unixSocket != nil { return nil }
        return (try? ListenAddress(parsing: configuration.listen))?.port
    }
}
