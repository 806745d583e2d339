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
            throw .invalidRequest("unknown key \"\(context.isEmpty ? "" : context + ".")\(quoted(key))\"")
        }
    }

    /// A client's key as echoed in an error message: at most 32 characters, control characters
    /// replaced, so a hostile key cannot make the message huge or break a log line.
    static func quoted(_ key: String) -> String {
        let shown = key.unicodeScalars.prefix(32).map { $0.properties.generalCategory == .control ? "?" : String($0) }.joined()
        return key.unicodeScalars.count > 32 ? shown + "…" : shown
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
        let keys = (context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue } + (key.map { [$0] } ?? []))
            .map(quoted)
        return keys.isEmpty ? "the body" : keys.joined(separator: ".")
    }
}
