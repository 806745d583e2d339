/// A YYMMDD date as written in the MRZ.
public struct MRZDate: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The six characters, e.g. `940623`.
    public let text: String
    public let yy: Int
    public let month: Int
    public let day: Int

    /// Parses and checks YYMMDD (month 1–12, day 1–31).
    public init(_ text: String, field: MRZField) throws(MRZError) {
        let digits = Array(text.utf8)
        guard digits.count == 6, digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            // The text itself is not echoed: it is usually a birth date.
            throw .invalidField(field, "not in the form YYMMDD (6 digits)")
        }
        let v = digits.map { Int($0) - 48 }
        yy = v[0] * 10 + v[1]
        month = v[2] * 10 + v[3]
        day = v[4] * 10 + v[5]
        guard (1...12).contains(month), (1...31).contains(day) else {
            throw .invalidField(field, "month or day out of range")
        }
        self.text = text
    }

    /// From a full date, e.g. the ISO `YYYY-MM-DD` a teller types.
    public init(year: Int, month: Int, day: Int, field: MRZField) throws(MRZError) {
        guard (1...12).contains(month), (1...31).contains(day), (1900...2199).contains(year) else {
            throw .invalidField(field, "date out of range")
        }
        let yy = year % 100
        try self.init(String(format2(yy) + format2(month) + format2(day)), field: field)
    }

    /// Parses `YYYY-MM-DD`.
    public init(iso: String, field: MRZField) throws(MRZError) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { throw .invalidField(field, "not in the form YYYY-MM-DD") }
        try self.init(year: y, month: m, day: d, field: field)
    }

    /// The four-digit year: birth dates are never in the future (relative to `currentYear`),
    /// expiry dates are taken in 2000–2099.
    public func year(for field: MRZField, currentYear: Int) -> Int {
        switch field {
        case .dateOfBirth:
            let century = yy > currentYear % 100 ? 1900 : 2000
            return century + yy
        default:
            return 2000 + yy
        }
    }

    /// ISO 8601 `YYYY-MM-DD`.
    public func iso(for field: MRZField, currentYear: Int) -> String {
        "\(year(for: field, currentYear: currentYear))-\(format2(month))-\(format2(day))"
    }

    public var description: String { text }
}

func format2(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
