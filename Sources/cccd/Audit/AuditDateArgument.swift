import Foundation

/// `--since` / `--until` values: a calendar day in the local time zone, or a full ISO 8601 time.
enum AuditDateArgument {
    /// The start of the day, or with `endOfDay` the start of the next one (so the day is included
    /// by the journal's exclusive upper bound). A full time is taken as it is.
    static func parse(_ text: String, endOfDay: Bool) -> Date? {
        let day = DateFormatter()
        day.locale = Locale(identifier: "en_US_POSIX")
        day.timeZone = TimeZone.current
        day.dateFormat = "yyyy-MM-dd"
        day.isLenient = false
        if text.count == 10, let start = day.date(from: text) {
            guard endOfDay else { return start }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone.current
            return calendar.date(byAdding: .day, value: 1, to: start)
        }
        let full = ISO8601DateFormatter()
        full.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = full.date(from: text) { return date }
        full.formatOptions = [.withInternetDateTime]
        return full.date(from: text)
    }
}
