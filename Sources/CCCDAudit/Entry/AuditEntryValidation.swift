/// Checks an entry before it is written: the journal must never hold an ID number (or any other
/// long run of digits, such as a date of birth written without separators) in a text field the
/// caller fills, and `idHash` must look like a hash, so a caller that passes the clear ID by
/// mistake is refused. The reader name is exempt from the digit check: it comes from PC/SC, not
/// from the card, and some readers put their serial number in it.
enum AuditEntryValidation {
    /// Longest run of consecutive digits allowed in a text field. Old ID cards (CMND) have 9
    /// digits, CCCD 12, dates of birth 6 or 8; reader names ("Virtual PCD 00 00") and error codes
    /// have short runs only.
    static let maximumDigitRun = 5
    static let maximumTextLength = 256

    static func validate(_ entry: AuditEntry) throws(AuditError) {
        let textFields: [(String, String?)] = [
            ("clientID", entry.clientID), ("reader", entry.reader), ("outcome", entry.outcome),
            ("passive", entry.passive), ("active", entry.active), ("chip", entry.chip), ("overall", entry.overall),
            ("format", entry.format), ("readId", entry.readId),
        ]
        for (name, value) in textFields {
            guard let value else { continue }
            guard value.utf8.count <= maximumTextLength else {
                throw .invalidEntry("\(name) is longer than \(maximumTextLength) bytes")
            }
            // The reader name comes from PC/SC and the read id from the daemon, not from the card.
            if name != "reader", name != "readId", longestDigitRun(value) > maximumDigitRun { throw .personalDataRejected(field: name) }
        }
        if entry.outcome.isEmpty { throw .invalidEntry("outcome is empty") }
        if let hash = entry.idHash, !isHexDigest(hash) {
            throw .invalidEntry("idHash is not a 64-digit lower-case hex HMAC (use AuditJournal.hashID)")
        }
        if !entry.durationMilliseconds.isFinite || entry.durationMilliseconds < 0 {
            throw .invalidEntry("durationMilliseconds must be a finite, non-negative number")
        }
        if let similarity = entry.similarity, !similarity.isFinite {
            throw .invalidEntry("similarity must be a finite number")
        }
        if !entry.time.timeIntervalSince1970.isFinite { throw .invalidEntry("time is not finite") }
    }

    static func longestDigitRun(_ text: String) -> Int {
        var longest = 0
        var current = 0
        for scalar in text.unicodeScalars {
            // Any Unicode decimal digit (fullwidth digits too), not only ASCII.
            if scalar.properties.numericType == .decimal {
                current += 1
                longest = max(longest, current)
            } else {
                current = 0
            }
        }
        return longest
    }

    static func isHexDigest(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
