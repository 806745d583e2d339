import Foundation

/// Which web pages may call the API: a request without `Origin` (curl, native apps) passes; a
/// browser request passes only from a configured origin or from the daemon's own pages
/// (`http://127.0.0.1:PORT`, `http://localhost:PORT`, `http://[::1]:PORT`). CORS headers are sent
/// to configured origins only.
public struct OriginPolicy: Sendable {
    public var allowedOrigins: Set<String>
    /// The daemon's TCP port, for its own origin; `nil` on a Unix socket (no browser can reach it).
    public var port: Int?

    public init(allowedOrigins: [String], port: Int?) {
        self.allowedOrigins = Set(allowedOrigins.compactMap(Self.normalizedOrigin))
        self.port = port
    }

    public enum Decision: Equatable, Sendable {
        /// No `Origin` header.
        case noOrigin
        /// The daemon's own page: no CORS headers needed.
        case sameOrigin
        /// A configured origin: answer with CORS headers for it.
        case allowedCrossOrigin(String)
        case forbidden
    }

    public func decide(origin header: String?) -> Decision {
        guard let header else { return .noOrigin }
        guard let origin = Self.normalizedOrigin(header) else { return .forbidden }
        if allowedOrigins.contains(origin) { return .allowedCrossOrigin(header) }
        if let port, let url = URL(string: origin), url.scheme == "http", let host = url.host,
           ListenAddress.isLoopback(host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))), url.port == port
        {
            return .sameOrigin
        }
        return .forbidden
    }

    /// `scheme://host[:port]` lowercased without a trailing slash; `nil` for anything else
    /// (including the opaque origin `null`).
    public static func normalizedOrigin(_ text: String) -> String? {
        var text = text.trimmingCharacters(in: .whitespaces).lowercased()
        if text.hasSuffix("/") { text.removeLast() }
        guard let url = URL(string: text), let scheme = url.scheme, scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty, url.path.isEmpty, url.query == nil, url.fragment == nil,
              url.user == nil
        else { return nil }
        return text
    }
}
