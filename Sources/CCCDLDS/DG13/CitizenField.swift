/// The field indices of the Vietnamese DG13 layout (see cccd-facts.md).
///
/// Fields are identified by the INTEGER at the start of each element, never by position.
public enum CitizenField: Int, CaseIterable, Sendable, Hashable, Codable {
    case personalNumber = 1
    case fullName = 2
    case dateOfBirth = 3
    case sex = 4
    case nationality = 5
    case ethnicity = 6
    case religion = 7
    case placeOfOrigin = 8
    case placeOfResidence = 9
    case identifyingMarks = 10
    case dateOfIssue = 11
    case dateOfExpiry = 12
    case parents = 13
    case spouseName = 14
    case oldIdNumber = 15
    /// A 16-character value of unknown meaning.
    case unknown16 = 16

    /// The index as stored on the card.
    public var index: Int { rawValue }
}
