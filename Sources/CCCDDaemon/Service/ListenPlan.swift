import Foundation

/// Where the daemon listens. It holds every loopback address a browser or client may use for its
/// port — 127.0.0.1 and ::1 — because the teller page and `Host`/`Origin` checks treat
/// `localhost`, `127.0.0.1` and `[::1]` alike: another local user who got one of them (e.g. ::1:8700
/// while the daemon holds only 127.0.0.1) could pose as the daemon and collect the token.
///
/// - Socket activation (`cccdd.socket`): the inherited sockets, plus a bind of its own for a
///   loopback family the socket unit did not pass.
/// - Otherwise: the configured `listen` address and the other family's loopback address.
/// - `unixSocket`: that socket only (no browser can reach it).
///
/// A family whose loopback address is taken by someone else stops the start (`addressInUse`); a
/// family the machine does not have (no IPv6) is skipped.
struct ListenPlan: Sendable {
    enum Listener: Sendable, Equatable {
        case inherited(SocketActivation.Socket)
        case tcp(host: String, port: Int, optional: Bool)
        case unix(String)
    }

    var listeners: [Listener]
    /// The TCP port (nil on a Unix socket).
    var port: Int?

    static func make(_ configuration: DaemonConfiguration, inherited: [SocketActivation.Socket]?) throws(ConfigurationError)
        -> ListenPlan
    {
        if let socket = configuration.unixSocket { return ListenPlan(listeners: [.unix(socket)], port: nil) }
        let listen = try ListenAddress(parsing: configuration.listen)
        if let inherited, !inherited.isEmpty {
            for socket in inherited where socket.port != listen.port {
                throw .invalidValue(
                    key: "listen",
                    reason: "the socket unit passes port \(socket.port) but listen is \(configuration.listen); make them agree")
            }
            var listeners = inherited.map(Listener.inherited)
            if !inherited.contains(where: { $0.family == AF_INET }) {
                listeners.append(.tcp(host: "127.0.0.1", port: listen.port, optional: false))
            }
            if !inherited.contains(where: { $0.family == AF_INET6 }) {
                listeners.append(.tcp(host: "::1", port: listen.port, optional: true))
            }
            return ListenPlan(listeners: listeners, port: listen.port)
        }
        let host = listen.host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        let isIPv6 = host.contains(":")
        var listeners: [Listener] = []
        if host.lowercased() == "localhost" {
            listeners = [.tcp(host: "127.0.0.1", port: listen.port, optional: false)]
        } else {
            listeners = [.tcp(host: host, port: listen.port, optional: false)]
        }
        listeners.append(isIPv6
            ? .tcp(host: "127.0.0.1", port: listen.port, optional: false)
            : .tcp(host: "::1", port: listen.port, optional: true))
        return ListenPlan(listeners: listeners, port: listen.port)
    }
}
