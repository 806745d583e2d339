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
        try RequestBodyReader.requireJSON(request)
        let body = try await RequestBodyReader.data(of: request, limit: context.maxUploadSize)
        return try APIRequestBody.decode(type, from: Data(body))
    }
}
