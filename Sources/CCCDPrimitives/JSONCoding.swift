import Foundation

/// The JSON settings of everything the package writes (CLI output, daemon responses, evidence bundles,
/// transcripts): sorted keys so equal values give equal bytes, `/` unescaped, dates in ISO 8601.
public enum JSONCoding {
    /// A new encoder with the package's settings; `pretty` adds indentation for people reading a terminal.
    public static func encoder(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// A new decoder that reads what `encoder` writes.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
