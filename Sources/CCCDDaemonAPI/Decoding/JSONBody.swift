import Foundation

/// Shared steps of the request types' strict `init(from:)`: every object level refuses keys it
/// does not know, and `JSONDecoder`'s errors become ``APIError`` `invalid_request` messages that
/// name the field (never its value).
enum JSONBody {
    /// The keyed container of `decoder`'s object, after refusing the first unknown key (sorted).
    /// - Parameters:
    ///   - notAnObject: the message when the value is not a JSON object.
    ///   - context: the field path before the key, in messages (`options`).
    static func object(
        _ decoder: any Decoder, allowed: Set<String>, notAnObject: String = "the request body must be a JSON object",
        in context: String = ""
    ) throws -> KeyedDecodingContainer<AnyCodingKey> {
        let container: KeyedDecodingContainer<AnyCodingKey>
        do {
            container = try decoder.container(keyedBy: AnyCodingKey.self)
        } catch {
            throw APIError.invalidRequest(notAnObject)
        }
        try rejectUnknownKeys(container, allowed: allowed, in: context)
        return container
    }

    /// The object under `key`, or nil when the key is absent; `notAnObject` when it is anything else (null included).
    static func nestedObject(
        _ container: KeyedDecodingContainer<AnyCodingKey>, _ key: String, allowed: Set<String>, notAnObject: String
    ) throws -> KeyedDecodingContainer<AnyCodingKey>? {
        let codingKey = AnyCodingKey(key)
        guard container.contains(codingKey) else { return nil }
        let nested: KeyedDecodingContainer<AnyCodingKey>
        do {
            nested = try container.nestedContainer(keyedBy: AnyCodingKey.self, forKey: codingKey)
        } catch {
            throw APIError.invalidRequest(notAnObject)
        }
        try rejectUnknownKeys(nested, allowed: allowed, in: key)
        return nested
    }

    private static func rejectUnknownKeys(
        _ container: KeyedDecodingContainer<AnyCodingKey>, allowed: Set<String>, in context: String
    ) throws(APIError) {
        for key in container.allKeys.map(\.stringValue).sorted() where !allowed.contains(key) {
            throw .invalidRequest("unknown key \"\(context.isEmpty ? "" : context + ".")\(quoted(key))\"")
        }
    }

    /// A client's key as echoed in an error message: at most 32 characters, control characters
    /// replaced, so a hostile key cannot make the message huge or break a log line.
    static func quoted(_ key: String) -> String {
        let shown = key.unicodeScalars.prefix(32).map { $0.properties.generalCategory == .control ? "?" : String($0) }.joined()
        return key.unicodeScalars.count > 32 ? shown + "…" : shown
    }

    static func path(_ context: DecodingError.Context, adding key: String? = nil) -> String {
        let keys = (context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue } + (key.map { [$0] } ?? []))
            .map(quoted)
        return keys.isEmpty ? "the body" : keys.joined(separator: ".")
    }
}

/// A coding key for any name: lets `init(from:)` see every key a client sent.
struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }
}
