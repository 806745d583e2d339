/// DG12: additional document details (ICAO 9303-10 §4.7.12). Absent on CCCD cards, parsed when present.
public struct AdditionalDocumentDetails: Sendable, Hashable, Codable {
    /// The tags listed in `5C`, in order.
    public var tagList: [UInt32]
    /// `5F19` issuing authority.
    public var issuingAuthority: String?
    /// `5F26` date of issue as 8 digits `yyyyMMdd` (stored as ASCII or BCD).
    public var dateOfIssueText: String?
    /// `5F26` as a date, when complete and valid.
    public var dateOfIssue: CalendarDate? { dateOfIssueText.flatMap { CalendarDate(compact: $0) } }
    /// `5F1A` names of other persons (inside the `A0` template), in order.
    public var namesOfOtherPersons: [String]
    /// `5F1B` endorsements and observations.
    public var endorsementsAndObservations: String?
    /// `5F1C` tax or exit requirements.
    public var taxOrExitRequirements: String?
    /// `5F1D` image of the front of the document.
    public var imageOfFront: [UInt8]?
    /// `5F1E` image of the rear of the document.
    public var imageOfRear: [UInt8]?
    /// `5F55` date and time of personalisation as 14 digits `yyyyMMddHHmmss` (ASCII or BCD).
    public var personalizationTimeText: String?
    /// `5F56` serial number of the personalisation system.
    public var personalizationSystemSerialNumber: String?
    /// Elements with other tags, kept as stored.
    public var otherElements: [RawDataObject]

    public init(
        tagList: [UInt32] = [], issuingAuthority: String? = nil, dateOfIssueText: String? = nil,
        namesOfOtherPersons: [String] = [], endorsementsAndObservations: String? = nil,
        taxOrExitRequirements: String? = nil, imageOfFront: [UInt8]? = nil, imageOfRear: [UInt8]? = nil,
        personalizationTimeText: String? = nil, personalizationSystemSerialNumber: String? = nil,
        otherElements: [RawDataObject] = []
    ) {
        self.tagList = tagList
        self.issuingAuthority = issuingAuthority
        self.dateOfIssueText = dateOfIssueText
        self.namesOfOtherPersons = namesOfOtherPersons
        self.endorsementsAndObservations = endorsementsAndObservations
        self.taxOrExitRequirements = taxOrExitRequirements
        self.imageOfFront = imageOfFront
        self.imageOfRear = imageOfRear
        self.personalizationTimeText = personalizationTimeText
        self.personalizationSystemSerialNumber = personalizationSystemSerialNumber
        self.otherElements = otherElements
    }
}

extension AdditionalDocumentDetails: CustomStringConvertible, CustomDebugStringConvertible {
    /// Redacted: sizes and counts only, never personal data.
    public var description: String { "DG12(\(tagList.count) tags listed, \(otherElements.count) other elements)" }
    /// Same as `description` (redacted).
    public var debugDescription: String { description }
}
