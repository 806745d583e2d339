import Foundation

/// Decodes a request body into one of the API's request types (``ReadRequest``,
/// ``VerifyRequest``, ``FaceCompareRequest``: `Decodable` with strict `init(from:)`), turning every
/// failure into ``APIError`` `invalid_request`. Pure (no I/O): the daemon's request decoder and
/// the fuzz targets call it with any bytes.
public enum APIRequestBody {
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws(APIError) -> T {
        guard !data.isEmpty else { throw .invalidRequest("the request body is empty; send a JSON object") }
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as APIError {
            throw error
        } catch let DecodingError.dataCorrupted(context) where context.codingPath.isEmpty {
            throw .invalidRequest("the request body is not valid JSON")
        } catch let DecodingError.typeMismatch(_, context) {
            throw .invalidRequest("\(JSONBody.path(context)) has the wrong type")
        } catch let DecodingError.valueNotFound(_, context) {
            throw .invalidRequest("\(JSONBody.path(context)) must not be null")
        } catch let DecodingError.keyNotFound(key, context) {
            throw .invalidRequest("\(JSONBody.path(context, adding: key.stringValue)) is missing")
        } catch {
            throw .invalidRequest("the request body does not have the expected shape")
        }
    }
}
