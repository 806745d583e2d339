/// What BAC and PACE-MRZ derive their key from: document number, date of birth and date of expiry,
/// each with its check digit (ICAO 9303-11 §9.7.2, "MRZ_information").
public struct MRZKey: Hashable, Sendable {
    public let documentNumber: String
    public let dateOfBirth: MRZDate
    public let dateOfExpiry: MRZDate

    /// The expiry used for Vietnamese cards that never expire ("Không thời hạn"). Not public
    /// knowledge: several readers use 991231; callers may pass another value.
    public static let vietnameseNoExpiry = "991231"

    public init(documentNumber: String, dateOfBirth: MRZDate, dateOfExpiry: MRZDate) throws(MRZError) {
        let number = documentNumber.uppercased()
        guard !number.isEmpty, number.count <= 22,
              number.utf8.allSatisfy({ CheckDigit.characterValue($0) != nil })
        else { throw .invalidField(.documentNumber, "use letters A-Z, digits and < only") }
        self.documentNumber = number
        self.dateOfBirth = dateOfBirth
        self.dateOfExpiry = dateOfExpiry
    }

    /// Parses the CLI form `DOCNO,YYMMDD,YYMMDD`.
    public init(parsing text: String) throws(MRZError) {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: " ")
        }
        guard parts.count == 3 else {
            throw .invalidField(.documentNumber, "expected DOCNO,YYMMDD,YYMMDD")
        }
        try self.init(
            documentNumber: parts[0], dateOfBirth: try MRZDate(parts[1], field: .dateOfBirth),
            dateOfExpiry: try MRZDate(parts[2], field: .dateOfExpiry))
    }

    /// The Vietnamese convenience: the document number is the last 9 digits of the 12-digit ID.
    /// `dateOfExpiry` nil means a card without expiry.
    /// The same from the text a clerk types: the 12-digit ID, the birth date `YYYY-MM-DD` and the
    /// expiry `YYYY-MM-DD` (nil: no expiry).
    public init(vietnameseID: String, dateOfBirthISO: String, dateOfExpiryISO: String?) throws(MRZError) {
        // In this order, so the first wrong field is the one reported.
        let id = try VietnameseID(vietnameseID)
        let birth = try MRZDate(iso: dateOfBirthISO, field: .dateOfBirth)
        let expiry = try dateOfExpiryISO.map { (text: String) throws(MRZError) in
            try MRZDate(iso: text, field: .dateOfExpiry)
        }
        try self.init(vietnameseID: id, dateOfBirth: birth, dateOfExpiry: expiry)
    }

    public init(vietnameseID: VietnameseID, dateOfBirth: MRZDate, dateOfExpiry: MRZDate?) throws(MRZError) {
        let expiry: MRZDate
        if let dateOfExpiry {
            expiry = dateOfExpiry
        } else {
            expiry = try MRZDate(Self.vietnameseNoExpiry, field: .dateOfExpiry)
        }
        try self.init(documentNumber: vietnameseID.documentNumber, dateOfBirth: dateOfBirth, dateOfExpiry: expiry)
    }

    /// Document number padded to at least 9 characters, with its check digit; then the two dates with
    /// theirs. This string is hashed by the ICAO key derivation.
    public var information: String {
        var number = documentNumber
        while number.count < 9 { number += "<" }
        return number + String(CheckDigit.compute(number)!)
            + dateOfBirth.text + String(CheckDigit.compute(dateOfBirth.text)!)
            + dateOfExpiry.text + String(CheckDigit.compute(dateOfExpiry.text)!)
    }
}

/// A Vietnamese 12-digit personal identification number (số định danh cá nhân).
public struct VietnameseID: Hashable, Sendable, Codable, CustomStringConvertible {
    public let digits: String

    public init(_ text: String) throws(MRZError) {
        let s = text.trimmingCharacters(in: " ")
        guard s.count == 12, s.allSatisfy(\.isASCIIDigit) else {
            throw .invalidVietnameseID("\(s.count) characters")
        }
        digits = s
    }

    /// The document number in the MRZ (and of the BAC key): the last 9 digits.
    public var documentNumber: String { String(digits.suffix(9)) }

    /// The card access number for PACE: the last 6 digits.
    public var cardAccessNumber: String { String(digits.suffix(6)) }

    /// Never print the whole number: it is personal data.
    public var description: String { "VietnameseID(…\(digits.suffix(2)))" }
}
