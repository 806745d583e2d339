import CCCDDaemonAPI
import HTTPTypes
import Hummingbird

/// Checks `Origin` on every request (403 `forbidden_origin` for pages not allowed), answers CORS
/// preflights for configured origins, and adds the CORS headers to their responses — error
/// responses included, so that a page can read the error code. Requests a browser marks
/// `Sec-Fetch-Site: cross-site`/`same-site` pass only from configured origins; every response carries
/// `Cross-Origin-Resource-Policy: same-origin`.
struct OriginMiddleware<Context: RequestContext>: RouterMiddleware {
    let policy: OriginPolicy

    static var secFetchSite: HTTPField.Name { OriginFieldNames.secFetchSite }
    static var resourcePolicy: HTTPField.Name { OriginFieldNames.resourcePolicy }

    static var allowedMethods: String { "GET, POST, DELETE, OPTIONS" }
    static var allowedHeaders: String { "Authorization, Content-Type, X-Session-Id, X-Client-Id" }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let decision = policy.decide(origin: request.headers[.origin])
        if case .forbidden = decision { throw APIError.forbiddenOrigin }
        // Fetch metadata: a browser marks requests another site's page started (`<img>`, `<script>`,
        // navigations, no-cors fetches carry no Origin). Only configured origins may do that; the
        // public routes too, so that a web page cannot even probe for the daemon.
        if let site = request.headers[Self.secFetchSite]?.lowercased(), site == "cross-site" || site == "same-site" {
            guard case .allowedCrossOrigin = decision else { throw APIError.forbiddenOrigin }
        }
        let isPreflight = request.method == .options && request.headers[.accessControlRequestMethod] != nil
        if isPreflight {
            guard case .allowedCrossOrigin(let origin) = decision else {
                // Same-origin pages never preflight; requests without Origin are not preflights.
                throw APIError.forbiddenOrigin
            }
            var response = Response(status: .noContent)
            add(origin: origin, to: &response)
            response.headers[.accessControlAllowMethods] = Self.allowedMethods
            response.headers[.accessControlAllowHeaders] = Self.allowedHeaders
            response.headers[.accessControlMaxAge] = "600"
            return response
        }
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = APIError.from(error).response()
        }
        if case .allowedCrossOrigin(let origin) = decision { add(origin: origin, to: &response) }
        // No other site may embed a response (`<img src=…/photo>`, `<script src=…>`); CORS fetches of
        // configured origins are not affected.
        if response.headers[Self.resourcePolicy] == nil { response.headers[Self.resourcePolicy] = "same-origin" }
        return response
    }

    private func add(origin: String, to response: inout Response) {
        response.headers[.accessControlAllowOrigin] = origin
        response.headers[.vary] = "Origin"
        response.headers[.accessControlExposeHeaders] = "X-Session-Id"
    }
}

/// Made once (a field name is validated and lowercased when it is made, on every request otherwise);
/// outside the generic middleware, which cannot have stored static properties.
enum OriginFieldNames {
    static let secFetchSite = HTTPField.Name("Sec-Fetch-Site")!
    static let resourcePolicy = HTTPField.Name("Cross-Origin-Resource-Policy")!
}
