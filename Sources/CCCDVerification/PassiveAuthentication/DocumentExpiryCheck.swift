import CCCDLDS
import CCCDMRZ
import Foundation

/// The document's own validity: the expiry date in DG1's MRZ and, on a CCCD, in DG13, against the
/// calendar day of the verification time. A document past its expiry reads `expired` — never the
/// `invalid` of a tampered or cloned chip. A CCCD without expiry ("Không thời hạn" in DG13, with
/// the `991231` placeholder in the MRZ) never expires.
public enum DocumentExpiryCheck {
    /// Reasons for an expired document (none when valid, undated or unreadable: the parsers and
    /// the hash check report those).
    public static func run(dataGroups: [Int: [UInt8]], at time: Date, calendar: Calendar = .current) -> [VerificationReason] {
        let today = day(of: time, calendar: calendar)
        let citizen = dataGroups[13].flatMap { try? DG13Parser.parse($0) }
        var expiries: [(date: CalendarDate, source: String, dataGroup: Int)] = []
        if let mrz = dataGroups[1].flatMap({ try? DG1Parser.parse($0).mrz }) {
            let placeholder = mrz.dateOfExpiry.text == MRZKey.vietnameseNoExpiry && citizen?.hasNoExpiry == true
            if !placeholder, let date = CalendarDate(
                year: mrz.dateOfExpiry.year(for: .dateOfExpiry, currentYear: today.year),
                month: mrz.dateOfExpiry.month, day: mrz.dateOfExpiry.day)
            {
                expiries.append((date, "the MRZ", 1))
            }
        }
        if let citizen, !citizen.hasNoExpiry, let date = citizen.dateOfExpiry {
            expiries.append((date, "DG13", 13))
        }
        return expiries.filter { $0.date < today }.map {
            VerificationReason(
                .documentExpired, .expired,
                "the document expired on \($0.date.isoText) (date of expiry in \($0.source)); verified on \(today.isoText)",
                dataGroup: $0.dataGroup)
        }
    }

    /// The calendar day of `time` in `calendar`'s time zone (the counter's local day).
    static func day(of time: Date, calendar: Calendar) -> CalendarDate {
        let parts = calendar.dateComponents([.year, .month, .day], from: time)
        return CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? CalendarDate(year: 1970, month: 1, day: 1)!
    }
}
