/// The MRZ fields BAC and PACE-MRZ keys come from: document number, date of birth, date of
/// expiry (YYMMDD). The chip computes the check digits itself (ICAO 9303-3 §4.9).
public struct MRZKeyInformation: Sendable, Codable, Equatable, Hashable {
    public var documentNumber: String
    public var dateOfBirth: String
    public var dateOfExpiry: String

    public init(documentNumber: String, dateOfBirth: String, dateOfExpiry: String) {
        self.documentNumber = documentNumber
        self.dateOfBirth = dateOfBirth
        self.dateOfExpiry = dateOfExpiry
    }

    /// MRZ_information: number (padded with `<` to 9) ‖ cd ‖ DOB ‖ cd ‖ DOE ‖ cd.
    func mrzInformation() throws(ChipError) -> String {
        let number = documentNumber.uppercased()
        let padded = number.count >= 9 ? number : number + String(repeating: "<", count: 9 - number.count)
        guard dateOfBirth.count == 6, dateOfExpiry.count == 6 else {
            throw .configuration("MRZ dates must be YYMMDD")
        }
        var out = ""
        for field in [padded, dateOfBirth, dateOfExpiry] {
            guard let digit = Self.checkDigit(field) else { throw .configuration("MRZ field with invalid characters") }
            out += field + String(digit)
        }
        return out
    }

    /// Weights 7-3-1; digits are themselves, A–Z are 10–35, `<` is 0.
    static func checkDigit(_ field: String) -> Int? {
        let weights = [7, 3, 1]
        var sum = 0
        for (i, c) in field.utf8.enumerated() {
            let value: Int
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = Int(c) - 48
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = Int(c) - 55
            case UInt8(ascii: "<"): value = 0
            default: return nil
            }
            sum += value * weights[i % 3]
        }
        return sum % 10
    }
}
