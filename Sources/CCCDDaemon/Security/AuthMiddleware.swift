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
        guard let header = request.headers[.authorization], let presented = Self.bearerToken(header),
              let client = clients.authenticate(presented)
        else {
            var response = APIError.unauthorized.response()
            response.headers[.wwwAuthenticate] = "Bearer realm=\"cccdd\""
            return response
        }
        var context = context
        context.client = client
        return try await next(request, context)
    }

    /// The token of `Bearer <token>` (scheme case-insensitive, RFC 9110 §11.1), without the spaces
    /// and tabs around it; `nil` for another scheme or an empty token. Works on the UTF-8 view: it
    /// runs on every API request, and Foundation's `trimmingCharacters` showed up in its profile.
    static func bearerToken(_ header: String) -> Substring? {
        let utf8 = header.utf8
        guard utf8.count > 7, utf8.prefix(7).elementsEqual("bearer ".utf8, by: { $0 | 0x20 == $1 }) else { return nil }
        func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        guard let first = utf8.dropFirst(7).firstIndex(where: { !isBlank($0) }),
              let last = utf8.lastIndex(where: { !isBlank($0) })
        else { return nil }
        return Substring(utf8[first...last])
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
