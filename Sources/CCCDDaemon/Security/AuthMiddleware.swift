import CCCDDaemonAPI
import Foundation
import HTTPTypes
import Hummingbird

/// Requires `Authorization: Bearer <token>` on everything except `GET /healthz` and the static
/// teller page (`GET /`, `GET /ui/…`, which hold no data): 401 `unauthorized` otherwise.
struct AuthMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: AccessToken

    static func isPublic(_ request: Request) -> Bool {
        guard request.method == .get || request.method == .head else { return false }
        let path = request.uri.path
        return path == "/healthz" || path == "/" || path.hasPrefix("/ui/")
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        if !Self.isPublic(request) {
            guard let header = request.headers[.authorization], header.count > 7,
                  header.prefix(7).lowercased() == "bearer ",
                  token.matches(header.dropFirst(7).trimmingCharacters(in: .whitespaces))
            else {
                var response = APIError.unauthorized.response()
                response.headers[.wwwAuthenticate] = "Bearer realm=\"cccdd\""
                return response
            }
        }
        return try await next(request, context)
    }
}
