import CCCDDaemonAPI
import HTTPTypes
import Hummingbird

/// Refuses a declared body larger than `maxBodyBytes` before reading it (413
/// `payload_too_large`); bodies without a length are cut at the same size where they are read
/// (``DaemonRequestDecoder``, through the context's `maxUploadSize` that this middleware sets).
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = DaemonRequestContext
    let maxBodyBytes: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > maxBodyBytes {
            throw APIError.payloadTooLarge
        }
        var context = context
        context.maxUploadSize = maxBodyBytes
        return try await next(request, context)
    }
}
