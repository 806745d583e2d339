import CCCDCrypto
import CCCDMRZ

/// The MRZ fields BAC and PACE-MRZ derive their keys from: document number, date of birth and
/// date of expiry (ICAO 9303-11 §9.7.2 / §9.7.3). Check digits are computed with `CCCDMRZ`.
///
/// `description` never shows the values (they are personal data).
public struct MRZKeyInput: Hashable, Sendable, CustomStringConvertible {
    /// The complete document number without check digit (may exceed 9 characters, TD1 note j).
    public let documentNumber: String
    /// YYMMDD.
    public let dateOfBirth: String
    /// YYMMDD.
    public let dateOfExpiry: String

    /// Validates the character set and the date shape; computes no check digit yet.
    public init(documentNumber: String, dateOfBirth: String, dateOfExpiry: String) throws(MRZError) {
        let number = documentNumber.uppercased()
        guard !number.isEmpty, CheckDigit.compute(number) != nil else {
            throw .invalidField(.documentNumber, "use letters A-Z, digits and < only")
        }
        guard Self.isDate(dateOfBirth) else { throw .invalidField(.dateOfBirth, "expected YYMMDD") }
        guard Self.isDate(dateOfExpiry) else { throw .invalidField(.dateOfExpiry, "expected YYMMDD") }
        self.documentNumber = number
        self.dateOfBirth = dateOfBirth
        self.dateOfExpiry = dateOfExpiry
    }

    /// As above, and also checks the check digits printed on the document; a wrong one is
    /// reported with the field it belongs to.
    public init(documentNumber: String, documentNumberCheckDigit: Character, dateOfBirth: String,
                dateOfBirthCheckDigit: Character, dateOfExpiry: String, dateOfExpiryCheckDigit: Character)
        throws(MRZError)
    {
        try self.init(documentNumber: documentNumber, dateOfBirth: dateOfBirth, dateOfExpiry: dateOfExpiry)
        try Self.check(.documentNumber, paddedDocumentNumber, documentNumberCheckDigit)
        try Self.check(.dateOfBirth, dateOfBirth, dateOfBirthCheckDigit)
        try Self.check(.dateOfExpiry, dateOfExpiry, dateOfExpiryCheckDigit)
    }

    /// From the key of a parsed MRZ (or the Vietnamese conveniences of `CCCDMRZ`).
    public init(_ key: MRZKey) throws(MRZError) {
        try self.init(documentNumber: key.documentNumber, dateOfBirth: key.dateOfBirth.text,
                      dateOfExpiry: key.dateOfExpiry.text)
    }

    /// "MRZ_information": document number (padded with `<` to 9 characters) ‖ cd ‖ DOB ‖ cd ‖ DOE ‖ cd.
    public var mrzInformation: String {
        paddedDocumentNumber + digit(paddedDocumentNumber) + dateOfBirth + digit(dateOfBirth) + dateOfExpiry
            + digit(dateOfExpiry)
    }

    /// K = SHA-1(MRZ_information): the PACE password encoding f(π) for the MRZ (Table 14), whose
    /// first 16 bytes are the BAC K_seed.
    public func mrzHash() throws(CryptoError) -> [UInt8] {
        try HashAlgorithm.sha1.hash(Array(mrzInformation.utf8))
    }

    /// The BAC key seed: the first 16 bytes of SHA-1(MRZ_information) (App. D.2).
    public func keySeed() throws(CryptoError) -> [UInt8] {
        Array(try mrzHash().prefix(16))
    }

    public var description: String { "MRZKeyInput(redacted)" }

    private var paddedDocumentNumber: String {
        documentNumber.count >= 9 ? documentNumber : documentNumber + String(repeating: "<", count: 9 - documentNumber.count)
    }

    private func digit(_ field: String) -> String {
        // Fields were validated at init, so compute() cannot return nil here.
        CheckDigit.compute(field).map(String.init) ?? "<"
    }

    private static func check(_ field: MRZField, _ value: String, _ printed: Character) throws(MRZError) {
        guard let expected = CheckDigit.compute(value) else { throw .invalidField(field, "invalid characters") }
        guard expected == printed else { throw .checkDigitMismatch(field: field, expected: expected, found: printed) }
    }

    private static func isDate(_ text: String) -> Bool {
        text.utf8.count == 6 && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}
