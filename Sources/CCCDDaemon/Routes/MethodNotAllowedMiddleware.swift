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
        private let routes = LockedBox<[(components: [Substring], method: String)]>([])

        func fill(_ served: [(path: String, method: String)]) {
            routes.withLock { $0 = served.map { ($0.path.split(separator: "/"), $0.method) } }
        }

        /// The methods served on `path` (empty: the path is not served at all).
        func methods(for path: String) -> [String] {
            let components = path.split(separator: "/")
            let matching = routes.withLock { routes in
                routes.filter { route in
                    route.components.count == components.count
                        && zip(route.components, components).allSatisfy { $0.hasPrefix(":") || $0.hasPrefix("{") || $0 == $1 }
                }.map(\.method)
            }
            return Array(Set(matching)).sorted()
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
        let methods = table.methods(for: request.uri.path)
        // HEAD is served wherever GET is.
        let allowed = methods.contains("GET") && !methods.contains("HEAD") ? (methods + ["HEAD"]).sorted() : methods
        guard !allowed.isEmpty, !allowed.contains(request.method.rawValue) else { return nil }
        var response = APIError.methodNotAllowed.response()
        response.headers[.allow] = allowed.joined(separator: ", ")
        return response
    }
}
