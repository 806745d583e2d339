/// A typed error thrown by every CCCDLDS parser for malformed or unsupported input.
///
/// Parsers never trap: every problem in the input bytes ends up as one of these cases. The
/// associated `context` strings name the structure being parsed (e.g. `"DG13 field index"`); they
/// never contain personal data read from the card.
public enum LDSError: Error, Equatable, Hashable, Sendable, CustomStringConvertible {
    /// The input ends before a declared element does (a tag, a length or a value is cut off).
    case truncated(context: String)
    /// The element found carries another tag than the one the structure requires.
    ///
    /// Tags are given in their BER-TLV byte form, e.g. `0x7F61` or `0x61`.
    case wrongTag(expected: [UInt32], found: UInt32, context: String)
    /// The elements are well formed but not arranged as the structure requires.
    case unexpectedStructure(context: String)
    /// An element has the right place and tag but a value that cannot be interpreted.
    case invalidValue(context: String)
    /// A length is encoded in a way the applicable rules forbid (indefinite length in BER-TLV or
    /// DER, non-minimal DER length, malformed tag).
    case invalidEncoding(context: String)
    /// Elements are nested deeper than the parser allows.
    case tooDeep(limit: Int)
    /// A declared length or count exceeds what the parser accepts.
    case tooLarge(context: String)

    /// The kind of the error, without its context (handy for tests and metrics).
    public enum Kind: String, Sendable, Hashable, Codable {
        case truncated, wrongTag, unexpectedStructure, invalidValue, invalidEncoding, tooDeep, tooLarge
    }

    /// The kind of the error.
    public var kind: Kind {
        switch self {
        case .truncated: .truncated
        case .wrongTag: .wrongTag
        case .unexpectedStructure: .unexpectedStructure
        case .invalidValue: .invalidValue
        case .invalidEncoding: .invalidEncoding
        case .tooDeep: .tooDeep
        case .tooLarge: .tooLarge
        }
    }

    public var description: String {
        switch self {
        case .truncated(let context):
            return "truncated input: \(context)"
        case .wrongTag(let expected, let found, let context):
            let list = expected.map { LDSError.hex($0) }.joined(separator: " or ")
            return "wrong tag in \(context): expected \(list), found \(LDSError.hex(found))"
        case .unexpectedStructure(let context):
            return "unexpected structure: \(context)"
        case .invalidValue(let context):
            return "invalid value: \(context)"
        case .invalidEncoding(let context):
            return "invalid encoding: \(context)"
        case .tooDeep(let limit):
            return "elements nested deeper than \(limit) levels"
        case .tooLarge(let context):
            return "too large: \(context)"
        }
    }

    private static func hex(_ tag: UInt32) -> String {
        let digits = String(tag, radix: 16, uppercase: true)
        return "0x" + (digits.count % 2 == 1 ? "0" + digits : digits)
    }
}
