import CCCDDaemonAPI
import CCCDPrimitives
import HTTPTypes
import Hummingbird

/// A request whose path is served, but not with its method, gets 405 `method_not_allowed` with an
/// `Allow` header (RFC 9110 §15.5.6) instead of the router's 404: the OpenAPI document then
/// describes exactly what the daemon answers.
struct MethodNotAllowedMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The served routes, filled in once they are registered (after this middleware is added).
    let table: RouteTable

    final class RouteTable: Sendable {
        private struct Routes: Sendable {
            /// Methods per literal path (no parameter): one dictionary lookup for most requests.
            var literal: [String: Set<String>] = [:]
            /// Paths with parameters (`:id`, `{id}`), by number of components.
            var patterns: [Int: [(components: [Substring], method: String)]] = [:]
        }

        private let routes = LockedBox(Routes())

        func fill(_ served: [(path: String, method: String)]) {
            var table = Routes()
            for (path, method) in served {
                let components = path.split(separator: "/")
                if components.contains(where: { $0.hasPrefix(":") || $0.hasPrefix("{") }) {
                    table.patterns[components.count, default: []].append((components, method))
                } else {
                    table.literal[Self.normalised(path), default: []].insert(method)
                }
            }
            routes.withLock { $0 = table }
        }

        /// The methods served on `path` (empty: the path is not served at all).
        func methods(for path: String) -> Set<String> {
            let table = routes.withLock { $0 }
            var methods = table.literal[Self.normalised(path)] ?? []
            let components = path.split(separator: "/")
            for route in table.patterns[components.count] ?? []
            where zip(route.components, components).allSatisfy({ $0.hasPrefix(":") || $0.hasPrefix("{") || $0 == $1 }) {
                methods.insert(route.method)
            }
            return methods
        }

        /// Whether `method` is served on `path` as a literal route (HEAD wherever GET is): the
        /// answer for nearly every request, without splitting the path. `false` says nothing.
        func servesLiterally(_ method: String, on path: String) -> Bool {
            guard let methods = routes.withLock({ $0.literal[Self.normalised(path)] }) else { return false }
            return methods.contains(method) || (method == "HEAD" && methods.contains("GET"))
        }

        /// The path as its components say it (`/v1//status/` and `/v1/status` match alike, as the
        /// component comparison does); the common case, already normal, is returned as it is.
        private static func normalised(_ path: String) -> String {
            let slash = UInt8(ascii: "/")
            var previous: UInt8 = 0
            var normal = true
            for byte in path.utf8 {
                if byte == slash && previous == slash {
                    normal = false
                    break
                }
                previous = byte
            }
            if normal, path.utf8.count <= 1 || previous != slash { return path }
            return "/" + path.split(separator: "/").joined(separator: "/")
        }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        // An undeclared method on a served path is refused before authentication, so a public path
        // (TRACE /healthz) answers 405 as a protected one does. OPTIONS goes on: CORS preflights are
        // the origin policy's.
        if request.method != .options, let refused = notAllowed(request) { return refused }
        // The router's miss arrives as a 404 response (inner middlewares turn errors into responses)
        // or as its HTTPError; a 404 of a served method (e.g. read_not_found) is left alone.
        let response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            return try notAllowed(request) ?? { throw error }()
        }
        guard response.status == .notFound, let refused = notAllowed(request) else { return response }
        return refused
    }

    private func notAllowed(_ request: Request) -> Response? {
        if table.servesLiterally(request.method.rawValue, on: request.uri.path) { return nil }
        var allowed = table.methods(for: request.uri.path)
        // HEAD is served wherever GET is.
        if allowed.contains("GET") { allowed.insert("HEAD") }
        guard !allowed.isEmpty, !allowed.contains(request.method.rawValue) else { return nil }
        var response = APIError.methodNotAllowed.response()
        response.headers[.allow] = allowed.sorted().joined(separator: ", ")
        return response
    }
}
