import CCCDPrimitives
import Foundation

/// The challenge a caller chooses for Active Authentication (INTERNAL AUTHENTICATE's 8 bytes), as
/// typed on a command line or sent in a request: 16 hex digits or 12 base64 characters.
public enum ActiveAuthenticationChallenge {
    /// The challenge's 8 bytes, or nil when `text` is neither form or not exactly 8 bytes.
    public static func parse(_ text: String) -> [UInt8]? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.count == 16, let bytes = Hex.decode(trimmed) { return bytes }
        if let data = Data(base64Encoded: trimmed), data.count == 8 { return [UInt8](data) }
        return nil
    }
}
