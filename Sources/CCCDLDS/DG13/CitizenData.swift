/// The Vietnamese citizen data of DG13, with English names.
///
/// Property names match the `citizen` block of the `--json` output (interfaces.md). Text is kept
/// exactly as stored (UTF-8, Vietnamese diacritics intact). Absent or empty fields are `nil`; the
/// strings of every index, empty ones included, are in ``fields``.
public struct CitizenData: Sendable, Hashable, Codable {
    /// Index 1: the 12-digit personal identification number.
    public var personalNumber: String?
    /// Index 2: full name, e.g. "Nguyễn Văn An".
    public var fullName: String?
    /// Index 3: date of birth, when it is a complete `dd/MM/yyyy` date (the text stays in ``fields``).
    public var dateOfBirth: CalendarDate?
    /// Index 4: sex as written, `Nam` or `Nữ`.
    public var sex: String?
    /// Index 5: nationality, e.g. "Việt Nam".
    public var nationality: String?
    /// Index 6: ethnicity (dân tộc).
    public var ethnicity: String?
    /// Index 7: religion (tôn giáo).
    public var religion: String?
    /// Index 8: place of origin (quê quán; on 2024 cards the place of birth registration).
    public var placeOfOrigin: String?
    /// Index 9: place of residence (thường trú; on 2024 cards nơi cư trú).
    public var placeOfResidence: String?
    /// Index 10: identifying marks.
    public var identifyingMarks: String?
    /// Index 11: date of issue.
    public var dateOfIssue: CalendarDate?
    /// Index 12: date of expiry; `nil` when the card has none ("Không thời hạn") or the text is
    /// not a date — see ``hasNoExpiry`` and ``fields``.
    public var dateOfExpiry: CalendarDate?
    /// Index 13, first string: father's name.
    public var fatherName: String?
    /// Index 13, second string: mother's name.
    public var motherName: String?
    /// Index 14: spouse's name (absent when the element is empty).
    public var spouseName: String?
    /// Index 15: old ID number (9-digit CMND or a 12-digit number).
    public var oldIdNumber: String?
    /// Every string found under each index, in order (index 13: father then mother). Unknown indices
    /// are included. Empty strings are kept.
    public var fields: [Int: [String]]
    /// The encoded element (DER/BER bytes) of every index outside 1–16, so nothing is lost.
    public var unknownFields: [Int: [[UInt8]]]
    /// The version INTEGER at the start of DG13, when present.
    public var version: Int?
    /// The object identifier following the version (1.0.10646.1.0.8 = ISO 10646 UTF-8), when present.
    public var encodingIdentifier: String?

    /// Whether index 12 says the card does not expire ("Không thời hạn").
    public var hasNoExpiry: Bool {
        guard let text = fields[CitizenField.dateOfExpiry.index]?.first else { return false }
        return CitizenData.isNoExpiryText(text)
    }

    /// The strings of one field.
    public func strings(_ field: CitizenField) -> [String] {
        fields[field.index] ?? []
    }

    /// Whether `text` is the "no expiry" wording ("Không thời hạn", any case or Unicode normalisation).
    public static func isNoExpiryText(_ text: String) -> Bool {
        // Swift string comparison is by canonical equivalence, so NFC and NFD spellings both match.
        text.trimmingASCIIWhitespace().lowercased() == "không thời hạn"
    }

    public init(
        personalNumber: String? = nil, fullName: String? = nil, dateOfBirth: CalendarDate? = nil,
        sex: String? = nil, nationality: String? = nil, ethnicity: String? = nil, religion: String? = nil,
        placeOfOrigin: String? = nil, placeOfResidence: String? = nil, identifyingMarks: String? = nil,
        dateOfIssue: CalendarDate? = nil, dateOfExpiry: CalendarDate? = nil, fatherName: String? = nil,
        motherName: String? = nil, spouseName: String? = nil, oldIdNumber: String? = nil,
        fields: [Int: [String]] = [:], unknownFields: [Int: [[UInt8]]] = [:], version: Int? = nil,
        encodingIdentifier: String? = nil
    ) {
        self.personalNumber = personalNumber
        self.fullName = fullName
        self.dateOfBirth = dateOfBirth
        self.sex = sex
        self.nationality = nationality
        self.ethnicity = ethnicity
        self.religion = religion
        self.placeOfOrigin = placeOfOrigin
        self.placeOfResidence = placeOfResidence
        self.identifyingMarks = identifyingMarks
        self.dateOfIssue = dateOfIssue
        self.dateOfExpiry = dateOfExpiry
        self.fatherName = fatherName
        self.motherName = motherName
        self.spouseName = spouseName
        self.oldIdNumber = oldIdNumber
        self.fields = fields
        self.unknownFields = unknownFields
        self.version = version
        self.encodingIdentifier = encodingIdentifier
    }
}
