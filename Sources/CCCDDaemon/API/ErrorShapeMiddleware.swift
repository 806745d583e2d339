import CCCDDaemonAPI
import Hummingbird
import Logging

/// Outermost middleware: whatever was thrown becomes the error shape
/// `{"error": {"code", "message"}}`. Unexpected errors are logged by type only and answered 500.
struct ErrorShapeMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            let apiError = APIError.from(error)
            if apiError.code == "internal" {
                context.logger.error("internal error", metadata: ["type": "\(type(of: error))", "path": "\(request.uri.path)"])
            }
            return apiError.response()
        }
    }
}
