/// The machine-readable zone of a travel or identity document (ICAO 9303-3/4/5), parsed and with
/// every check digit verified.
public struct MRZ: Hashable, Sendable, Codable {
    public enum Format: String, Sendable, Codable {
        /// ID-1 card (the CCCD): 3 lines of 30.
        case td1 = "TD1"
        /// ID-2: 2 lines of 36.
        case td2 = "TD2"
        /// Passport: 2 lines of 44.
        case td3 = "TD3"
    }

    public let format: Format
    /// Document code, e.g. `ID`, `P<`, fillers kept.
    public let documentCode: String
    public let issuingState: String
    /// Document number without fillers (may be longer than 9 characters in TD1).
    public let documentNumber: String
    public let dateOfBirth: MRZDate
    /// `M`, `F` or `<` (unspecified).
    public let sex: String
    public let dateOfExpiry: MRZDate
    public let nationality: String
    /// Primary identifier (surname), fillers turned into spaces.
    public let primaryIdentifier: String
    /// Secondary identifier (given names), fillers turned into spaces.
    public let secondaryIdentifier: String
    /// Optional data fields as printed (fillers kept): TD1 has two, TD2 one, TD3 the personal number.
    public let optionalData: [String]
    /// The original lines.
    public let lines: [String]

    /// Parses MRZ text: lines separated by newlines, or the lines run together.
    public init(_ text: String) throws(MRZError) {
        var lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" })
            .map { $0.trimmingCharacters(in: " \t") }
            .filter { !$0.isEmpty }
        if lines.count == 1 {
            let s = lines[0]
            switch s.count {
            case 90: lines = chunks(s, 30)
            case 72: lines = chunks(s, 36)
            case 88: lines = chunks(s, 44)
            default: break
            }
        }
        for (n, line) in lines.enumerated() {
            if let bad = line.utf8.firstIndex(where: { CheckDigit.characterValue($0) == nil }) {
                throw .invalidCharacter(line: n + 1, position: line.utf8.distance(from: line.utf8.startIndex, to: bad) + 1)
            }
        }
        let lengths = lines.map(\.count)
        switch lengths {
        case [30, 30, 30]: try self.init(td1: lines)
        case [36, 36]: try self.init(td2: lines)
        case [44, 44]: try self.init(td3: lines)
        default: throw .unknownFormat(lineLengths: lengths)
        }
    }

    private init(td1 l: [String]) throws(MRZError) {
        let (l1, l2) = (Array(l[0]), Array(l[1]))
        let optional1 = str(l1, 15, 30)
        let number = try checkedDocumentNumber(str(l1, 5, 14), digit: l1[14], continuation: optional1)
        try check(.dateOfBirth, str(l2, 0, 6), l2[6])
        try check(.dateOfExpiry, str(l2, 8, 14), l2[14])
        try check(.composite, str(l1, 5, 30) + str(l2, 0, 7) + str(l2, 8, 15) + str(l2, 18, 29), l2[29])
        let (primary, secondary) = names(l[2])
        self.init(
            format: .td1, documentCode: str(l1, 0, 2), issuingState: str(l1, 2, 5),
            documentNumber: number, dateOfBirth: try MRZDate(str(l2, 0, 6), field: .dateOfBirth),
            sex: String(l2[7]), dateOfExpiry: try MRZDate(str(l2, 8, 14), field: .dateOfExpiry),
            nationality: str(l2, 15, 18), primaryIdentifier: primary, secondaryIdentifier: secondary,
            optionalData: [optional1, str(l2, 18, 29)], lines: l)
    }

    private init(td2 l: [String]) throws(MRZError) {
        let (l1, l2) = (Array(l[0]), Array(l[1]))
        let number = try checkedDocumentNumber(str(l2, 0, 9), digit: l2[9], continuation: str(l2, 28, 35))
        try check(.dateOfBirth, str(l2, 13, 19), l2[19])
        try check(.dateOfExpiry, str(l2, 21, 27), l2[27])
        try check(.composite, str(l2, 0, 10) + str(l2, 13, 20) + str(l2, 21, 35), l2[35])
        let (primary, secondary) = names(str(l1, 5, 36))
        self.init(
            format: .td2, documentCode: str(l1, 0, 2), issuingState: str(l1, 2, 5),
            documentNumber: number, dateOfBirth: try MRZDate(str(l2, 13, 19), field: .dateOfBirth),
            sex: String(l2[20]), dateOfExpiry: try MRZDate(str(l2, 21, 27), field: .dateOfExpiry),
            nationality: str(l2, 10, 13), primaryIdentifier: primary, secondaryIdentifier: secondary,
            optionalData: [str(l2, 28, 35)], lines: l)
    }

    private init(td3 l: [String]) throws(MRZError) {
        let (l1, l2) = (Array(l[0]), Array(l[1]))
        try check(.documentNumber, str(l2, 0, 9), l2[9])
        try check(.dateOfBirth, str(l2, 13, 19), l2[19])
        try check(.dateOfExpiry, str(l2, 21, 27), l2[27])
        try check(.personalNumber, str(l2, 28, 42), l2[42])
        try check(.composite, str(l2, 0, 10) + str(l2, 13, 20) + str(l2, 21, 43), l2[43])
        let (primary, secondary) = names(str(l1, 5, 44))
        self.init(
            format: .td3, documentCode: str(l1, 0, 2), issuingState: str(l1, 2, 5),
            documentNumber: str(l2, 0, 9).trimmingFiller(), dateOfBirth: try MRZDate(str(l2, 13, 19), field: .dateOfBirth),
            sex: String(l2[20]), dateOfExpiry: try MRZDate(str(l2, 21, 27), field: .dateOfExpiry),
            nationality: str(l2, 10, 13), primaryIdentifier: primary, secondaryIdentifier: secondary,
            optionalData: [str(l2, 28, 42)], lines: l)
    }

    private init(format: Format, documentCode: String, issuingState: String, documentNumber: String,
                 dateOfBirth: MRZDate, sex: String, dateOfExpiry: MRZDate, nationality: String,
                 primaryIdentifier: String, secondaryIdentifier: String, optionalData: [String], lines: [String]) {
        self.format = format
        self.documentCode = documentCode
        self.issuingState = issuingState
        self.documentNumber = documentNumber
        self.dateOfBirth = dateOfBirth
        self.sex = sex
        self.dateOfExpiry = dateOfExpiry
        self.nationality = nationality
        self.primaryIdentifier = primaryIdentifier
        self.secondaryIdentifier = secondaryIdentifier
        self.optionalData = optionalData
        self.lines = lines
    }

    /// Full name as printed: primary identifier, then secondary identifiers.
    public var fullName: String {
        [primaryIdentifier, secondaryIdentifier].filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// For a Vietnamese card (issuing state VNM, TD1): the 12-digit personal ID at the start of the
    /// first optional-data field.
    public var vietnamesePersonalNumber: String? {
        guard issuingState == "VNM", format == .td1, let first = optionalData.first else { return nil }
        let id = first.prefix(12)
        return id.count == 12 && id.allSatisfy(\.isASCIIDigit) ? String(id) : nil
    }

    /// The key input for BAC / PACE-MRZ.
    public var accessKey: MRZKey {
        // Cannot fail: the fields were validated while parsing.
        try! MRZKey(documentNumber: documentNumber, dateOfBirth: dateOfBirth, dateOfExpiry: dateOfExpiry)
    }
}

/// The document number with its check digit verified. When the check-digit position holds a filler,
/// the number is longer than 9 characters and continues in the optional data, whose last character
/// before the filler is the check digit (ICAO 9303-5 §4.2.4, 9303-6).
private func checkedDocumentNumber(_ first: String, digit: Character, continuation: String) throws(MRZError) -> String {
    guard digit == "<" else {
        try check(.documentNumber, first, digit)
        return first.trimmingFiller()
    }
    let rest = continuation.prefix { $0 != "<" }
    guard let last = rest.last, rest.count >= 2 else {
        throw .invalidField(.documentNumber, "long document number without check digit")
    }
    let number = first + rest.dropLast()
    try check(.documentNumber, number, last)
    return number
}

private func check(_ field: MRZField, _ value: String, _ digit: Character) throws(MRZError) {
    guard CheckDigit.verify(value, digit: digit) else {
        throw .checkDigitMismatch(field: field, expected: CheckDigit.compute(value) ?? "?", found: digit)
    }
}

private func str(_ chars: [Character], _ from: Int, _ to: Int) -> String { String(chars[from..<to]) }

private func chunks(_ s: String, _ n: Int) -> [String] {
    let chars = Array(s)
    return stride(from: 0, to: chars.count, by: n).map { String(chars[$0..<min($0 + n, chars.count)]) }
}

/// `SURNAME<<GIVEN<NAMES<<<` → ("SURNAME", "GIVEN NAMES").
private func names(_ field: String) -> (String, String) {
    let trimmed = field.trimmingFiller()
    let chars = Array(trimmed)
    var split = chars.count
    for i in 0..<max(0, chars.count - 1) where chars[i] == "<" && chars[i + 1] == "<" {
        split = i
        break
    }
    let primary = String(chars[..<split]).replacingFiller()
    let secondary = split < chars.count ? String(chars[(split + 2)...]).replacingFiller() : ""
    return (primary, secondary)
}

extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }

    func trimmingFiller() -> String {
        var s = Substring(self)
        while s.last == "<" { s = s.dropLast() }
        return String(s)
    }

    func replacingFiller() -> String {
        String(map { $0 == "<" ? " " : $0 }).trimmingCharacters(in: " ")
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
