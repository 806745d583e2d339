import Foundation

/// Shared steps of the request decoders: the body must be a JSON object without unknown keys;
/// the typed fields are then decoded with `JSONDecoder` (strict about types).
enum JSONBody {
    static func object(_ data: Data) throws(APIError) -> [String: Any] {
        guard !data.isEmpty else { throw .invalidRequest("the request body is empty; send a JSON object") }
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            throw .invalidRequest("the request body is not valid JSON")
        }
        guard let object = value as? [String: Any] else { throw .invalidRequest("the request body must be a JSON object") }
        return object
    }

    static func rejectUnknownKeys(_ object: [String: Any], allowed: Set<String>, in context: String = "") throws(APIError) {
        for key in object.keys.sorted() where !allowed.contains(key) {
            throw .invalidRequest("unknown key \"\(context.isEmpty ? "" : context + ".")\(key)\"")
        }
    }

    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws(APIError) -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let DecodingError.typeMismatch(_, context) {
            throw .invalidRequest("\(path(context)) has the wrong type")
        } catch let DecodingError.valueNotFound(_, context) {
            throw .invalidRequest("\(path(context)) must not be null")
        } catch let DecodingError.keyNotFound(key, context) {
            throw .invalidRequest("\(path(context, adding: key.stringValue)) is missing")
        } catch {
            throw .invalidRequest("the request body does not have the expected shape")
        }
    }

    private static func path(_ context: DecodingError.Context, adding key: String? = nil) -> String {
        let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue } + (key.map { [$0] } ?? [])
        return keys.isEmpty ? "the body" : keys.joined(separator: ".")
    }
}
