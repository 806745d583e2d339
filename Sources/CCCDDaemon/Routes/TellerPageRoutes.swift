import CCCDDaemonAPI
import CCCDTellerPage
import HTTPTypes
import Hummingbird
import Logging

/// `GET /` and `GET /ui/{file}`: the teller / kiosk page (module CCCDTellerPage). Public (the
/// files hold no data; the page asks for the token itself), but behind the same Host and Origin
/// checks as the API. Served with a Content-Security-Policy that allows nothing but this daemon:
/// no inline script, no third-party origin, photos only from `blob:` URLs the page made itself.
enum TellerPageRoutes {
    static let contentSecurityPolicy = [
        "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' blob: data:",
        "media-src 'self' blob:", "connect-src 'self'", "font-src 'self'", "object-src 'none'", "base-uri 'none'",
        "form-action 'none'", "frame-ancestors 'none'",
    ].joined(separator: "; ")

    static func register(on router: Router<BasicRequestContext>, services: DaemonServices) {
        if !TellerPage.isAvailable {
            services.logger.warning(
                "teller page not installed: \(TellerPage.resourceBundleName) is not next to the executable; GET / answers 404")
        }
        router.get("/") { _, _ in try asset(TellerPage.indexName) }
        router.get("/ui/{file}") { _, context in try asset(try DaemonRouter.parameter("file", context)) }
    }

    static func asset(_ name: String) throws(APIError) -> Response {
        guard let asset = TellerPage.asset(for: name) else { throw APIError.notFound }
        var headers = HTTPFields()
        headers[.contentType] = asset.contentType
        headers[.contentSecurityPolicy] = contentSecurityPolicy
        headers[.xContentTypeOptions] = "nosniff"
        headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        headers[HTTPField.Name("Permissions-Policy")!] = "camera=(self), microphone=(), geolocation=()"
        // Revalidate on every load so a daemon upgrade never mixes old and new assets.
        headers[.cacheControl] = "no-cache"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: asset.bytes)))
    }
}
