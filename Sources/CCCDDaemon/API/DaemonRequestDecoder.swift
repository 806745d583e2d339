import CCCDDaemonAPI
import Foundation
import Hummingbird

/// `request.decode(as:context:)` for the API's JSON bodies: `Content-Type: application/json` only
/// (415 otherwise), the body read up to the context's `maxUploadSize` (the configured
/// `maxBodyBytes`; 413 beyond it), then the request type's strict `init(from:)` through
/// ``APIRequestBody`` — every failure is an ``APIError``, never Hummingbird's generic 400.
public struct DaemonRequestDecoder: RequestDecoder {
    public init() {}

    public func decode<T: Decodable>(_ type: T.Type, from request: Request, context: some RequestContext) async throws -> T {
        try Self.requireJSON(request)
        let bytes = try await Self.body(of: request, limit: context.maxUploadSize)
        return try APIRequestBody.decode(type, from: Data(bytes))
    }

    private static func body(of request: Request, limit: Int) async throws(APIError) -> [UInt8] {
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
    private static func requireJSON(_ request: Request) throws(APIError) {
        let type = request.headers[.contentType]?.lowercased() ?? ""
        guard type.hasPrefix("application/json") else {
            throw APIError(.unsupportedMediaType, code: "unsupported_media_type", message: "send Content-Type: application/json")
        }
    }
}
