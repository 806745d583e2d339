import CCCDDaemonAPI
import HTTPTypes
import Hummingbird

/// Refuses a declared body larger than `maxBodyBytes` before reading it (413
/// `payload_too_large`); bodies without a length are cut at the same size where they are read
/// (``RequestBodyReader``, through the context's `maxUploadSize` that this middleware sets).
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

/// Reads a request body up to the configured limit.
enum RequestBodyReader {
    static func data(of request: Request, limit: Int) async throws(APIError) -> [UInt8] {
        do {
            var buffer = try await request.body.collect(upTo: limit)
            return buffer.readBytes(length: buffer.readableBytes) ?? []
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            // collect(upTo:) throws NIOTooManyBytesError (a body without Content-Length, e.g.
            // chunked, that grows past the limit); Hummingbird gives it the 413 status.
            throw .payloadTooLarge
        } catch {
            throw .invalidRequest("the request body could not be read")
        }
    }

    /// JSON endpoints take `application/json` only (a browser must then preflight).
    static func requireJSON(_ request: Request) throws(APIError) {
        let type = request.headers[.contentType]?.lowercased() ?? ""
        guard type.hasPrefix("application/json") else {
            throw APIError(.unsupportedMediaType, code: "unsupported_media_type", message: "send Content-Type: application/json")
        }
    }
}
