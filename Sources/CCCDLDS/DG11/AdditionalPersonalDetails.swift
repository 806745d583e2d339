/// DG11: additional personal details (ICAO 9303-10 §4.7.11). Absent on CCCD cards, parsed when present.
public struct AdditionalPersonalDetails: Sendable, Hashable, Codable {
    /// The tags listed in `5C`, in order.
    public var tagList: [UInt32]
    /// `5F0E` full name, as stored (primary and secondary identifiers separated by `<<`).
    public var fullName: String?
    /// `5F0F` other names (inside the `A0` template), in order.
    public var otherNames: [String]
    /// `5F10` personal number.
    public var personalNumber: String?
    /// `5F2B` full date of birth as 8 digits `yyyyMMdd` (stored as ASCII or BCD).
    public var fullDateOfBirthText: String?
    /// `5F2B` as a date, when complete and valid.
    public var fullDateOfBirth: CalendarDate? { fullDateOfBirthText.flatMap { CalendarDate(compact: $0) } }
    /// `5F11` place of birth (fields separated by `<`).
    public var placeOfBirth: String?
    /// `5F42` permanent address (fields separated by `<`).
    public var permanentAddress: String?
    /// `5F12` telephone.
    public var telephone: String?
    /// `5F13` profession.
    public var profession: String?
    /// `5F14` title.
    public var title: String?
    /// `5F15` personal summary.
    public var personalSummary: String?
    /// `5F16` proof of citizenship (an image).
    public var proofOfCitizenship: [UInt8]?
    /// `5F17` other valid travel document numbers (separated by `<`).
    public var otherValidTravelDocumentNumbers: String?
    /// `5F18` custody information.
    public var custodyInformation: String?
    /// Elements with other tags, kept as stored.
    public var otherElements: [RawDataObject]

    public init(
        tagList: [UInt32] = [], fullName: String? = nil, otherNames: [String] = [], personalNumber: String? = nil,
        fullDateOfBirthText: String? = nil, placeOfBirth: String? = nil, permanentAddress: String? = nil,
        telephone: String? = nil, profession: String? = nil, title: String? = nil, personalSummary: String? = nil,
        proofOfCitizenship: [UInt8]? = nil, otherValidTravelDocumentNumbers: String? = nil,
        custodyInformation: String? = nil, otherElements: [RawDataObject] = []
    ) {
        self.tagList = tagList
        self.fullName = fullName
        self.otherNames = otherNames
        self.personalNumber = personalNumber
        self.fullDateOfBirthText = fullDateOfBirthText
        self.placeOfBirth = placeOfBirth
        self.permanentAddress = permanentAddress
        self.telephone = telephone
        self.profession = profession
        self.title = title
        self.personalSummary = personalSummary
        self.proofOfCitizenship = proofOfCitizenship
        self.otherValidTravelDocumentNumbers = otherValidTravelDocumentNumbers
        self.custodyInformation = custodyInformation
        self.otherElements = otherElements
    }
}

extension AdditionalPersonalDetails: CustomStringConvertible, CustomDebugStringConvertible {
    /// Redacted: sizes and counts only, never personal data.
    public var description: String { "DG11(\(tagList.count) tags listed, \(otherElements.count) other elements)" }
    /// Same as `description` (redacted).
    public var debugDescription: String { description }
}
