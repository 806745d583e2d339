/// The exact forms of the read request's access fields, as docs/openapi.json's patterns state them,
/// checked on Unicode scalars before the key is derived: the key parsers are lenient (they trim,
/// upper-case, allow any day 1–31), the API is not, so the document and the daemon agree on every
/// input (schemathesis checks both directions: scripts/api-fuzz.sh).
enum AccessFieldRules {
    /// `^[0-9]{12}$`
    static func isVietnameseID(_ text: String) -> Bool {
        text.unicodeScalars.count == 12 && text.unicodeScalars.allSatisfy(isDigit)
    }

    /// `^(19[0-9]{2}|2[01][0-9]{2})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$`: years 1900–2199 as
    /// MRZDate takes them; the day is not checked against the month (the chip's key is).
    static func isDate(_ text: String) -> Bool {
        let s = Array(text.unicodeScalars)
        guard s.count == 10, s[4] == "-", s[7] == "-",
            [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy({ isDigit(s[$0]) })
        else { return false }
        let n = s.map { Int($0.value) - 48 }
        let year = n[0] * 1000 + n[1] * 100 + n[2] * 10 + n[3]
        return (1900...2199).contains(year) && isMonthDay(n[5] * 10 + n[6], n[8] * 10 + n[9])
    }

    /// `^(DATE|[Nn][Oo][Nn][Ee])$`
    static func isExpiry(_ text: String) -> Bool {
        isDate(text)
            || (text.unicodeScalars.count == 4 && text.unicodeScalars.allSatisfy(\.isASCII) && text.lowercased() == "none")
    }

    /// `^ *[A-Za-z0-9<]{1,22} *, *YYMMDD *, *YYMMDD *$` (YYMMDD: month 01–12, day 01–31).
    static func isMRZ(_ text: String) -> Bool {
        let parts = text.unicodeScalars.split(separator: ",", omittingEmptySubsequences: false).map { part in
            Array(part.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
        }
        guard parts.count == 3, (1...22).contains(parts[0].count),
            parts[0].allSatisfy({ isDigit($0) || ("A"..."Z").contains($0) || ("a"..."z").contains($0) || $0 == "<" })
        else { return false }
        return parts[1...].allSatisfy { date in
            guard date.count == 6, date.allSatisfy(isDigit) else { return false }
            let n = date.map { Int($0.value) - 48 }
            return isMonthDay(n[2] * 10 + n[3], n[4] * 10 + n[5])
        }
    }

    /// `^([0-9A-Fa-f]{16}|[A-Za-z0-9+/]{11}=)$`
    static func isChallenge(_ text: String) -> Bool {
        let s = Array(text.unicodeScalars)
        let hex = s.count == 16 && s.allSatisfy { isDigit($0) || ("a"..."f").contains($0) || ("A"..."F").contains($0) }
        let base64 =
            s.count == 12 && s.last == "="
            && s.dropLast().allSatisfy {
                isDigit($0) || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || $0 == "+" || $0 == "/"
            }
        return hex || base64
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
    private static func isMonthDay(_ month: Int, _ day: Int) -> Bool { (1...12).contains(month) && (1...31).contains(day) }
}
