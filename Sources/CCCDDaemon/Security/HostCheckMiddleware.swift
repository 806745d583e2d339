import CCCDDaemonAPI
import Hummingbird

/// Refuses requests whose `Host` does not name this daemon (DNS rebinding): 403 `forbidden_host`.
struct HostCheckMiddleware<Context: RequestContext>: RouterMiddleware {
    let policy: HostPolicy
    /// The `Host` values clients send nearly always (`127.0.0.1:8700`, `localhost:8700`,
    /// `[::1]:8700`), each one the policy allows: one set lookup instead of lowercasing and splitting.
    private let usual: Set<String>

    init(policy: HostPolicy) {
        self.policy = policy
        let names = ["127.0.0.1", "localhost", "[::1]"]
        let candidates = names.map { name in policy.port.map { "\(name):\($0)" } ?? name }
        usual = Set(candidates.filter { policy.allows(host: $0) })
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let host = request.head.authority
        guard host.map(usual.contains) == true || policy.allows(host: host) else { throw APIError.forbiddenHost }
        return try await next(request, context)
    }
}
