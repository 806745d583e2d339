/// A calendar date without time zone, as printed on the card (year, month, day).
///
/// Encodes to and decodes from its ISO 8601 text `YYYY-MM-DD`.
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The year, 1–9999.
    public let year: Int
    /// The month, 1–12.
    public let month: Int
    /// The day of the month, 1–31.
    public let day: Int

    /// A validated date; `nil` when month or day is out of range for the Gregorian calendar or the
    /// year is outside 1…9999.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...CalendarDate.daysInMonth(month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// ISO 8601 text `YYYY-MM-DD`.
    public var isoText: String {
        CalendarDate.pad(year, 4) + "-" + CalendarDate.pad(month, 2) + "-" + CalendarDate.pad(day, 2)
    }

    public var description: String { isoText }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Parses `YYYY-MM-DD`.
    public init?(isoText text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = CalendarDate.number(parts[0]), let month = CalendarDate.number(parts[1]),
            let day = CalendarDate.number(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Parses a Vietnamese-style date `dd/MM/yyyy` (also accepting `-` or `.` as separator, one- or
    /// two-digit day and month, and surrounding white space).
    public init?(dayMonthYear text: String) {
        let trimmed = text.trimmingASCIIWhitespace()
        let parts = trimmed.split(omittingEmptySubsequences: false, whereSeparator: { "/-.".contains($0) })
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
            parts[2].count == 4, let day = CalendarDate.number(parts[0]),
            let month = CalendarDate.number(parts[1]), let year = CalendarDate.number(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Parses eight digits `yyyyMMdd` (DG11 date of birth, DG12 date of issue).
    public init?(compact text: String) {
        let chars = Array(text)
        guard chars.count == 8, let year = CalendarDate.number(chars[0..<4]),
            let month = CalendarDate.number(chars[4..<6]), let day = CalendarDate.number(chars[6..<8])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CalendarDate(isoText: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a YYYY-MM-DD date")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(isoText)
    }

    static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func number<S: Sequence>(_ characters: S) -> Int? where S.Element == Character {
        var value = 0
        var count = 0
        for character in characters {
            guard character.isASCIIDigit, let digit = character.wholeNumberValue else { return nil }
            value = value * 10 + digit
            count += 1
            guard count <= 4 else { return nil }
        }
        return count == 0 ? nil : value
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
