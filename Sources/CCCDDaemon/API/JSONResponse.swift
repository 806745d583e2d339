import CCCDPrimitives
import Foundation
import HTTPTypes
import Hummingbird

/// JSON responses: key-sorted, UTF-8 text unescaped (Vietnamese stays readable), ISO 8601 dates.
public enum JSONResponse {
    /// The one response encoder (JSONCoding's settings). Foundation's `JSONEncoder` guards its
    /// options with a lock, so one instance may encode on many threads at once.
    public static let encoder: JSONEncoder = JSONCoding.encoder()

    public static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        response(data: try encoder.encode(value), status: status)
    }

    public static func response(data: Data, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
