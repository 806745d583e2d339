import CCCDTransport
import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import ServiceLifecycle

/// The daemon: loads the configuration and token, starts the HTTP server, the PC/SC watcher and
/// the expiry sweeper in one ServiceGroup, and shuts them down gracefully on SIGTERM / SIGINT
/// (open event streams are ended first, reads in memory are wiped last).
public enum DaemonApplication {
    /// How long a connection may send nothing before the daemon closes it.
    public static let idleTimeoutSeconds: Int64 = 15

    public static func run(_ overrides: CommandLineOverrides, logger: Logger) async throws {
        let configuration = try ConfigurationLoader.load(overrides)
        let (token, created) = try AccessToken.loadOrCreate(path: configuration.tokenFile)
        if created { logger.notice("created a new API token", metadata: ["tokenFile": "\(configuration.tokenFile)"]) }
        let services = try DaemonServices(
            configuration: configuration, token: token, metrics: DaemonMetrics.shared, logger: logger)

        let plan = try ListenPlan.make(configuration, inherited: try SocketActivation.inheritedSockets())
        var previousUmask: mode_t?
        if let socket = configuration.unixSocket {
            // A stale socket of a previous run would make bind fail; anything else there is refused.
            try UnixSocketPath.prepare(socket)
            previousUmask = umask(0o177)
        }
        let router = DaemonRouter.make(services)
        // Connections that stay silent are closed after `idleTimeout`; a request whose head and body
        // have not fully arrived within `limits.requestDeadlineSeconds` gets 408 and is closed, however
        // steadily it trickles (RequestDeadlineHandler); at most `limits.maxConnections` are open per
        // listening socket, further ones wait in the backlog. Responses in progress (reads, event
        // streams) are not cut.
        let limits = configuration.limits
        let server = try await DaemonHTTPServer.bind(
            plan: plan, responder: router.buildResponder(),
            channelConfiguration: .init(
                additionalChannelHandlers: [RequestDeadlineHandler(deadline: .seconds(Int64(limits.requestDeadlineSeconds)))],
                idleTimeout: .seconds(DaemonApplication.idleTimeoutSeconds)),
            maxConnections: limits.maxConnections, logger: logger,
            onRunning: { [previousUmask] addresses in
                if let socket = configuration.unixSocket {
                    do {
                        try UnixSocketPath.finish(socket)
                    } catch {
                        logger.critical("\(error)")
                    }
                    if let previousUmask { umask(previousUmask) }
                }
                let activated = plan.listeners.contains { if case .inherited = $0 { true } else { false } }
                logger.notice("cccdd listening", metadata: [
                    "addresses": "\(configuration.unixSocket.map { [$0] } ?? addresses)",
                    "socketActivated": "\(activated)", "version": "\(CCCDDaemonInfo.version)",
                ])
            })
        var lifecycle: [ServiceGroupConfiguration.ServiceConfiguration] = [
            .init(service: server),
            .init(service: ReaderWatchService(services: services)),
            .init(service: EventStreamService(hub: services.hub)),
        ]
        if let hours = configuration.trustUpdateHours {
            lifecycle.append(.init(service: TrustRefreshService(
                trust: services.trust, interval: .seconds(hours * 3600),
                mirror: configuration.trustUpdateMirror.flatMap(URL.init(string:)), logger: logger)))
        }
        let group = ServiceGroup(configuration: .init(
            services: lifecycle,
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger))
        try await group.run()
        services.store.wipeAll()
        // The PC/SC watcher threads (the reader monitor, a read's wait for a card) were told to stop;
        // they must have left pcsc-lite before the process exits and its destructor frees their state.
        if !PCSCReaderMonitor.waitForWatchersToEnd(timeout: .seconds(2)) {
            logger.warning("PC/SC watchers still running at exit", metadata: ["count": "\(PCSCReaderMonitor.runningWatchers)"])
        }
        logger.notice("cccdd stopped")
    }
}

/// Follows PC/SC and sweeps expired reads until shutdown.
struct ReaderWatchService: Service {
    let services: DaemonServices

    func run() async throws {
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await services.readers.monitor() }
                group.addTask {
                    var ticks = 0
                    while !Task.isCancelled {
                        try? await Task.sleep(for: .milliseconds(500))
                        services.store.sweep()
                        ticks += 1
                        if ticks % 30 == 0 { services.hub.heartbeat() }
                        if ticks % 7200 == 0 { services.audit.prune() }  // hourly
                    }
                }
            }
        }
    }
}

/// Ends the open event streams when shutdown starts (services stop in reverse order: this one
/// before the HTTP server, which waits for its open responses).
struct EventStreamService: Service {
    let hub: EventHub

    func run() async throws {
        try? await gracefulShutdown()
        hub.finishAll()
    }
}
