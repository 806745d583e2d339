/// Why the daemon refuses to start with a configuration. The messages name the setting and what
/// to write instead.
public enum ConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadableFile(path: String, reason: String)
    case malformedFile(path: String, reason: String)
    case unknownKey(String)
    case invalidListenAddress(String)
    case nonLoopbackListen(host: String)
    case invalidValue(key: String, reason: String)
    case tokenFile(path: String, reason: String)
    case deviceKeyFile(path: String, reason: String)
    /// Another process listens on one of the daemon's loopback addresses.
    case addressInUse(host: String, port: Int)

    public var description: String {
        switch self {
        case .unreadableFile(let path, let reason): "cannot read the configuration file \(path): \(reason)"
        case .malformedFile(let path, let reason): "the configuration file \(path) is not valid: \(reason)"
        case .unknownKey(let key): "unknown configuration key \"\(key)\" (see docs/daemon.md for the keys)"
        case .invalidListenAddress(let text): "listen must be HOST:PORT (e.g. 127.0.0.1:8700), got \"\(text)\""
        case .nonLoopbackListen(let host):
            "refusing to listen on \(host): only loopback addresses (127.0.0.1, ::1, localhost) are served; "
                + "listening on other addresses needs TLS and authentication, and this version serves no TLS "
                + "(put a TLS proxy in front, or use unixSocket)"
        case .invalidValue(let key, let reason): "\(key): \(reason)"
        case .tokenFile(let path, let reason): "token file \(path): \(reason)"
        case .deviceKeyFile(let path, let reason): "device key file \(path): \(reason)"
        case .addressInUse(let host, let port):
            "another process listens on \(host.contains(":") ? "[\(host)]" : host):\(port); it could pose as cccdd to "
                + "pages and clients using localhost. Stop it, or install systemd/cccdd.socket so that systemd holds "
                + "the daemon's addresses (docs/daemon-operations.md)"
        }
    }
}
