import CCCDLDS
import CCCDMRZ
import Foundation

/// The `document` block of the read result: the document as described by its MRZ (DG1).
public struct DocumentSummary: Sendable, Hashable, Codable {
    /// Document code, e.g. `ID` for a CCCD, `P` for a passport.
    public var type: String
    /// Issuing state, ICAO three-letter code (`VNM`).
    public var issuingState: String
    /// Document number (on a CCCD the last 9 digits of the personal ID).
    public var number: String
    /// Personal number from the optional data (on a CCCD the 12-digit ID), if any.
    public var personalNumber: String?
    /// Date of expiry, ISO 8601 `YYYY-MM-DD`.
    public var dateOfExpiry: String?

    public init(type: String, issuingState: String, number: String, personalNumber: String?, dateOfExpiry: String?) {
        self.type = type
        self.issuingState = issuingState
        self.number = number
        self.personalNumber = personalNumber
        self.dateOfExpiry = dateOfExpiry
    }

    /// From a parsed DG1 and, when read, DG13. A CCCD without expiry (DG13 `Không thời hạn`)
    /// carries the placeholder `991231` in its MRZ: `dateOfExpiry` is then `null`, as the contract says.
    public init(
        dg1: MachineReadableZoneGroup, citizen: CitizenData? = nil,
        currentYear: Int = Calendar(identifier: .gregorian).component(.year, from: Date())
    ) {
        let mrz = dg1.mrz
        let optional = mrz.optionalData.first.map { $0.replacingOccurrences(of: "<", with: "") }
        let noExpiry = citizen?.hasNoExpiry == true && mrz.dateOfExpiry.text == MRZKey.vietnameseNoExpiry
        self.init(
            type: mrz.documentCode.replacingOccurrences(of: "<", with: ""),
            issuingState: mrz.issuingState,
            number: mrz.documentNumber,
            personalNumber: dg1.vietnamesePersonalNumber ?? (optional?.isEmpty == false ? optional : nil),
            dateOfExpiry: noExpiry ? nil : mrz.dateOfExpiry.iso(for: .dateOfExpiry, currentYear: currentYear))
    }

    private enum CodingKeys: String, CodingKey { case type, issuingState, number, personalNumber, dateOfExpiry }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(type, forKey: .type)
        try c.encode(issuingState, forKey: .issuingState)
        try c.encode(number, forKey: .number)
        try c.encode(personalNumber, forKey: .personalNumber)  // null when absent, as documented
        try c.encode(dateOfExpiry, forKey: .dateOfExpiry)
    }
}

/// The `holder` block: the holder as described by the MRZ (DG1), in MRZ characters.
public struct HolderSummary: Sendable, Hashable, Codable {
    /// Primary then secondary identifiers, e.g. `NGUYEN VAN AN` (the MRZ has no diacritics; the
    /// Vietnamese spelling is in `CitizenData.fullName`).
    public var fullName: String
    /// ISO 8601 `YYYY-MM-DD`.
    public var dateOfBirth: String?
    /// `M`, `F` or `<` (unspecified) as in the MRZ.
    public var sex: String
    /// ICAO three-letter code.
    public var nationality: String

    public init(fullName: String, dateOfBirth: String?, sex: String, nationality: String) {
        self.fullName = fullName
        self.dateOfBirth = dateOfBirth
        self.sex = sex
        self.nationality = nationality
    }

    /// From a parsed DG1.
    public init(dg1: MachineReadableZoneGroup, currentYear: Int = Calendar(identifier: .gregorian).component(.year, from: Date())) {
        let mrz = dg1.mrz
        self.init(
            fullName: mrz.fullName, dateOfBirth: mrz.dateOfBirth.iso(for: .dateOfBirth, currentYear: currentYear),
            sex: mrz.sex, nationality: mrz.nationality)
    }

    private enum CodingKeys: String, CodingKey { case fullName, dateOfBirth, sex, nationality }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(fullName, forKey: .fullName)
        try c.encode(dateOfBirth, forKey: .dateOfBirth)
        try c.encode(sex, forKey: .sex)
        try c.encode(nationality, forKey: .nationality)
    }
}

extension DocumentSummary: CustomStringConvertible {
    /// Redacted: type and issuing state only.
    public var description: String { "DocumentSummary(\(type), \(issuingState))" }
}

extension HolderSummary: CustomStringConvertible {
    /// Redacted.
    public var description: String { "HolderSummary(redacted)" }
}
