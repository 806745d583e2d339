import CCCDClientTokens
import CCCDDaemonAPI
import Foundation
import HTTPTypes
import Hummingbird

/// Requires `Authorization: Bearer <token>` on the routes of the API group (``DaemonRouter``; the
/// public routes are outside it) and puts the token's client into the request context: 401
/// `unauthorized` for a missing, wrong or revoked token.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = DaemonRequestContext
    let clients: ClientRegistry

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard let header = request.headers[.authorization], header.count > 7,
              header.prefix(7).lowercased() == "bearer ",
              let client = clients.authenticate(header.dropFirst(7).trimmingCharacters(in: .whitespaces))
        else {
            var response = APIError.unauthorized.response()
            response.headers[.wwwAuthenticate] = "Bearer realm=\"cccdd\""
            return response
        }
        var context = context
        context.client = client
        return try await next(request, context)
    }
}

/// Lets only the given scopes through: 403 `forbidden_scope` otherwise (the token is valid, so
/// saying so leaks nothing; reads of other clients answer 404 instead, in their routes).
struct ScopeMiddleware: RouterMiddleware {
    typealias Context = DaemonRequestContext
    let allowed: Set<ClientScope>

    init(_ allowed: ClientScope...) {
        self.allowed = Set(allowed)
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard let client = context.client else { throw APIError.unauthorized }
        guard allowed.contains(client.scope) else {
            throw APIError(
                .forbidden, code: "forbidden_scope",
                message: "a \(client.scope.rawValue) token may not use this endpoint")
        }
        return try await next(request, context)
    }
}
