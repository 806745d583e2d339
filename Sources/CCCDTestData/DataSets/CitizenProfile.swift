import CCCDMRZ

/// The holder and card data of a synthetic Vietnamese card (all invented).
public struct CitizenProfile: Sendable {
    public var personalNumber: String
    public var fullName: String
    /// MRZ name line: `SURNAME<<GIVEN<NAMES` (no diacritics).
    public var mrzName: String
    /// `dd/MM/yyyy`.
    public var dateOfBirth: String
    public var female: Bool
    public var ethnicity: String
    public var religion: String
    public var placeOfOrigin: String
    public var placeOfResidence: String
    public var identifyingMarks: String
    /// `dd/MM/yyyy`.
    public var dateOfIssue: String
    /// `dd/MM/yyyy`, or nil for "Không thời hạn".
    public var dateOfExpiry: String?
    public var fatherName: String
    public var motherName: String
    public var spouseName: String?
    public var oldIdNumber: String?
    /// 2024-style card: these DG13 fields are written empty.
    public var emptyFields: Set<Int>

    /// The 9-digit document number of the MRZ: the last 9 digits of the ID.
    public var documentNumber: String { String(personalNumber.suffix(9)) }
    /// CAN: the last 6 digits of the ID.
    public var cardAccessNumber: String { String(personalNumber.suffix(6)) }

    /// `YYMMDD` of a `dd/MM/yyyy` date.
    static func yymmdd(_ date: String) -> String {
        let parts = date.split(separator: "/")
        guard parts.count == 3 else { return "<<<<<<" }
        return String(parts[2].suffix(2)) + parts[1] + parts[0]
    }

    public var mrzBirth: String { Self.yymmdd(dateOfBirth) }
    /// Cards without expiry carry 991231 (cccd-facts.md, [I]).
    public var mrzExpiry: String { dateOfExpiry.map(Self.yymmdd) ?? MRZKey.vietnameseNoExpiry }

    /// The TD1 MRZ of a CCCD (90 characters, no line breaks):
    /// `IDVNM` + document number + cd + 12-digit ID + `<<` + cd of the ID / birth cd sex expiry cd
    /// `VNM` filler composite cd / name.
    public func mrz() throws(TestDataError) -> String {
        func digit(_ field: String) throws(TestDataError) -> String {
            guard let d = CheckDigit.compute(field) else { throw .invalidInput("no check digit") }
            return String(d)
        }
        let line1 = "IDVNM" + documentNumber + (try digit(documentNumber)) + personalNumber + "<<"
            + (try digit(personalNumber))
        let upper = "VNM" + String(repeating: "<", count: 11)
        let line2Start = mrzBirth + (try digit(mrzBirth)) + (female ? "F" : "M") + mrzExpiry + (try digit(mrzExpiry))
        let composite = String(Array(line1)[5..<30]) + String(Array(line2Start)[0..<7])
            + String(Array(line2Start)[8..<15]) + String(upper.dropFirst(3))
        let line2 = line2Start + upper + (try digit(composite))
        let line3 = mrzName.padding(toLength: 30, withPad: "<", startingAt: 0)
        let text = line1 + line2 + line3
        guard line1.count == 30, line2.count == 30, mrzName.count <= 30 else { throw .invalidInput("MRZ line lengths") }
        do {
            _ = try MRZ(text)
        } catch {
            throw .invalidInput("generated MRZ does not parse: \(error)")
        }
        return text
    }

    /// DG13 fields in index order.
    func dg13Fields() -> [(Int, LDSBuilder.CitizenValue)] {
        func text(_ index: Int, _ value: String) -> LDSBuilder.CitizenValue {
            emptyFields.contains(index) ? .utf8("") : .utf8(value)
        }
        var fields: [(Int, LDSBuilder.CitizenValue)] = [
            (1, .printable(personalNumber)),
            (2, .utf8(fullName)),
            (3, .printable(dateOfBirth)),
            (4, .utf8(female ? "Nữ" : "Nam")),
            (5, .utf8("Việt Nam")),
            (6, text(6, ethnicity)),
            (7, text(7, religion)),
            (8, text(8, placeOfOrigin)),
            (9, .utf8(placeOfResidence)),
            (10, text(10, identifyingMarks)),
            (11, .printable(dateOfIssue)),
            (12, .utf8(dateOfExpiry ?? "Không thời hạn")),
            (13, emptyFields.contains(13) ? .names(["", ""]) : .names([fatherName, motherName])),
            (14, spouseName.map { .names([$0]) } ?? .empty),
        ]
        if let oldIdNumber { fields.append((15, .printable(oldIdNumber))) }
        return fields
    }
}
