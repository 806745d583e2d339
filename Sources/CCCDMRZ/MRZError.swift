/// The MRZ fields that carry their own check digit.
public enum MRZField: String, Sendable, Codable, CustomStringConvertible {
    case documentNumber = "document number"
    case dateOfBirth = "date of birth"
    case dateOfExpiry = "date of expiry"
    case optionalData = "optional data"
    case personalNumber = "personal number"
    case composite = "composite"

    public var description: String { rawValue }
}

/// Why MRZ text or key input was rejected. Each case names the field so a teller can fix it.
public enum MRZError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Line count or line lengths match none of TD1 (3×30), TD2 (2×36), TD3 (2×44).
    case unknownFormat(lineLengths: [Int])
    /// A character outside `0-9 A-Z <`.
    case invalidCharacter(line: Int, position: Int)
    case checkDigitMismatch(field: MRZField, expected: Character, found: Character)
    /// A field value with the wrong shape (e.g. a date that is not YYMMDD).
    case invalidField(MRZField, String)
    /// A Vietnamese personal ID that is not 12 digits.
    case invalidVietnameseID(String)

    public var description: String {
        switch self {
        case .unknownFormat(let lengths):
            return "MRZ with line lengths \(lengths) is not TD1 (3×30), TD2 (2×36) or TD3 (2×44)"
        case .invalidCharacter(let line, let position):
            return "MRZ line \(line) has an invalid character at position \(position) (allowed: 0-9 A-Z <)"
        case .checkDigitMismatch(let field, let expected, let found):
            return "wrong check digit for the \(field): found \(found), expected \(expected)"
        case .invalidField(let field, let why): return "invalid \(field): \(why)"
        case .invalidVietnameseID(let why): return "invalid Vietnamese ID number: \(why) (12 digits expected)"
        }
    }
}
