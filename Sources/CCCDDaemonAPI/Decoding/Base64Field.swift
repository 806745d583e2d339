import Foundation

/// Base64 fields of request bodies (a `data:` URL prefix from a browser canvas is accepted).
enum Base64Field {
    static func decode(_ text: String, name: String) throws(APIError) -> [UInt8] {
        var payload = Substring(text)
        if payload.hasPrefix("data:"), let comma = payload.firstIndex(of: ",") {
            payload = payload[payload.index(after: comma)...]
        }
        guard let data = Data(base64Encoded: String(payload), options: .ignoreUnknownCharacters), !data.isEmpty else {
            throw .invalidRequest("\(name) must be non-empty base64")
        }
        return [UInt8](data)
    }
}
