import Foundation

/// Base64 fields of request bodies (a `data:` URL prefix from a browser canvas is accepted).
/// Exactly what docs/openapi.json's pattern says: `^(data:[^,]*,)?` then standard, padded,
/// non-empty base64 with no whitespace — so a request the document calls valid is never refused.
enum Base64Field {
    static func decode(_ text: String, name: String) throws(APIError) -> [UInt8] {
        var payload = Substring(text)
        if payload.hasPrefix("data:"), let comma = payload.unicodeScalars.firstIndex(of: ",") {
            payload = payload[payload.unicodeScalars.index(after: comma)...]
        }
        // The pattern's shape, checked here because Foundation decodes some texts it does not allow ("====").
        let scalars = Array(payload.unicodeScalars)
        let padding = scalars.reversed().prefix { $0 == "=" }.count
        guard scalars.count % 4 == 0, padding <= 2, scalars.count > padding,
            scalars.dropLast(padding).allSatisfy(isAlphabet),
            let data = Data(base64Encoded: String(payload)), !data.isEmpty
        else {
            throw .invalidRequest("\(name) must be non-empty base64 (standard alphabet, padded, no whitespace)")
        }
        return [UInt8](data)
    }

    /// `A-Z a-z 0-9 + /`
    private static func isAlphabet(_ scalar: Unicode.Scalar) -> Bool {
        ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
            || scalar == "+" || scalar == "/"
    }
}
