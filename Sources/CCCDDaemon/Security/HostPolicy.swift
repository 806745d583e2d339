/// The DNS-rebinding defence: a request's `Host` must name this daemon — a loopback name or
/// address with the port it listens on — or be one of the configured `allowedHosts`. A page on
/// `evil.example` whose name was re-pointed to 127.0.0.1 sends `Host: evil.example:8700` and is refused.
public struct HostPolicy: Sendable {
    /// The TCP port the daemon listens on; `nil` on a Unix socket (any port is accepted there,
    /// but the name must still be a loopback one or allowed).
    public var port: Int?
    /// Extra `host` or `host:port` values, lowercased.
    public var allowedHosts: Set<String>

    public init(port: Int?, allowedHosts: [String]) {
        self.port = port
        self.allowedHosts = Set(allowedHosts.map { $0.lowercased() })
    }

    public func allows(host header: String?) -> Bool {
        guard let header = header?.lowercased(), !header.isEmpty else { return false }
        if allowedHosts.contains(header) { return true }
        guard let (name, port) = Self.split(header) else { return false }
        // A host listed without a port is accepted on any port.
        if allowedHosts.contains(name) { return true }
        guard ListenAddress.isLoopback(name) else { return false }
        guard let expected = self.port else { return true }
        // Browsers omit the default port; the daemon never listens on 80.
        return port == expected
    }

    /// `name[:port]` or `[v6][:port]` → (name, port). `nil` when malformed.
    static func split(_ header: String) -> (String, Int?)? {
        if header.hasPrefix("[") {
            guard let close = header.firstIndex(of: "]") else { return nil }
            let name = String(header[header.index(after: header.startIndex)..<close])
            let rest = header[header.index(after: close)...]
            if rest.isEmpty { return (name, nil) }
            guard rest.hasPrefix(":"), let port = Int(rest.dropFirst()) else { return nil }
            return (name, port)
        }
        let parts = header.split(separator: ":", omittingEmptySubsequences: false)
        switch parts.count {
        case 1: return (header, nil)
        case 2:
            guard let port = Int(parts[1]), (1...65535).contains(port) else { return nil }
            return (String(parts[0]), port)
        default: return nil
        }
    }
}
