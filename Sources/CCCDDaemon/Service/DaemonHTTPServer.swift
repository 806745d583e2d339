import CCCDDaemonAPI
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import ServiceLifecycle

/// The HTTP/1 server: Hummingbird's router and HTTP/1 channel, served on several listening sockets
/// — the ones systemd passes (socket activation) and/or ones the daemon binds itself, IPv4 and IPv6
/// loopback both (``ListenPlan``). Hummingbird's `Application` binds exactly one address and cannot
/// adopt an inherited socket; NIO's `ServerBootstrap` can (`bind(_ socket:)`).
struct DaemonHTTPServer: Service {
    typealias Listening = NIOAsyncChannel<HTTP1Channel.Value, Never>

    let listening: [Listening]
    let http: HTTP1Channel
    let logger: Logger
    let onRunning: @Sendable ([String]) async -> Void

    /// Binds (or adopts) every socket of the plan before any service starts, so that an address
    /// taken by another process stops the start with a configuration error (exit 78).
    static func bind(
        plan: ListenPlan, responder: RouterResponder<BasicRequestContext>, channelConfiguration: HTTP1Channel.Configuration,
        maxConnections: Int, logger: Logger, onRunning: @escaping @Sendable ([String]) async -> Void
    ) async throws -> DaemonHTTPServer {
        let http = HTTP1Channel(responder: { request, writer, channel in
            let context = BasicRequestContext(source: .init(channel: channel, logger: logger))
            var response: Response
            do {
                response = try await responder.respond(to: request, context: context)
            } catch let error as HTTPParserError {
                throw error  // the channel answers 400 and closes
            } catch {
                response = APIError.from(error).response()
            }
            response.headers[.server] = "cccdd"
            try await writer.write(response: response.head, body: response.body)
        }, configuration: channelConfiguration)
        var servers: [Listening] = []
        do {
            for listener in plan.listeners {
                if let server = try await bind(listener, http, maxConnections: maxConnections, logger: logger) {
                    servers.append(server)
                }
            }
        } catch {
            for server in servers { try? await server.channel.close() }
            throw error
        }
        return DaemonHTTPServer(listening: servers, http: http, logger: logger, onRunning: onRunning)
    }

    func run() async throws {
        let listening = self.listening
        let http = self.http
        let logger = self.logger
        await onRunning(listening.compactMap { $0.channel.localAddress.map(String.init(describing:)) })
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { group in
                for server in listening {
                    group.addTask {
                        await withDiscardingTaskGroup { connections in
                            do {
                                try await server.executeThenClose { inbound in
                                    for try await child in inbound {
                                        connections.addTask { await http.handle(value: child, logger: logger) }
                                    }
                                }
                            } catch {
                                logger.error("listening socket failed", metadata: ["error": "\(error)"])
                            }
                        }
                    }
                }
            }
        } onGracefulShutdown: {
            // No new connections; open ones finish their exchange (idle ones end at the deadline).
            for server in listening { server.channel.close(promise: nil) }
        }
    }

    private static func bind(_ listener: ListenPlan.Listener, _ http: HTTP1Channel, maxConnections: Int, logger: Logger)
        async throws -> Listening?
    {
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(ChannelOptions.backlog, value: 256)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .serverChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        AvailableConnectionsChannelHandler(maxConnections: maxConnections))
                }
            }
            .childChannelOption(ChannelOptions.allowRemoteHalfClosure, value: true)
        let setup: @Sendable (any Channel) -> EventLoopFuture<HTTP1Channel.Value> = { channel in
            http.setup(channel: channel, logger: logger)
        }
        switch listener {
        case .inherited(let socket):
            return try await bootstrap.bind(socket.descriptor, childChannelInitializer: setup)
        case .unix(let path):
            return try await bootstrap.bind(unixDomainSocketPath: path, cleanupExistingSocketFile: false, childChannelInitializer: setup)
        case .tcp(let host, let port, let optional):
            do {
                return try await bootstrap.bind(host: host, port: port, childChannelInitializer: setup)
            } catch let error as IOError where optional && [EADDRNOTAVAIL, EAFNOSUPPORT].contains(error.errnoCode) {
                // No IPv6 loopback on this machine: nobody else can listen there either.
                logger.notice("not listening on \(host): the address family is not available here")
                return nil
            } catch let error as IOError where error.errnoCode == EADDRINUSE {
                throw ConfigurationError.addressInUse(host: host, port: port)
            }
        }
    }
}
