import CCCDDaemonAPI
import Hummingbird

/// Refuses requests whose `Host` does not name this daemon (DNS rebinding): 403 `forbidden_host`.
struct HostCheckMiddleware<Context: RequestContext>: RouterMiddleware {
    let policy: HostPolicy

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard policy.allows(host: request.head.authority) else { throw APIError.forbiddenHost }
        return try await next(request, context)
    }
}
