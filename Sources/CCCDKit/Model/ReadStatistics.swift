/// How a read went at the APDU level: what it cost and what the reader had to work around. Not
/// part of the `cccd read --json` object (docs/interfaces.md); `cccd read` logs it to stderr.
public struct ReadStatistics: Sendable, Hashable, Codable {
    /// Command APDUs sent to the card over every connection (access control, files, AA/CA).
    public var exchanges: Int
    /// Access-control runs after the first (reconnections after tag loss or a broken session, and
    /// new sessions after the card aborted secure messaging).
    public var restarts: Int
    /// Of `restarts`: sessions the card ended with a bare status word (ICAO 9303-11 §9.8.5).
    public var secureMessagingAborts: Int
    /// Protected responses without DO'99', whose status word came from the unprotected trailer.
    public var unauthenticatedStatusWords: Int
    /// True when the card refused READ BINARY by short file identifier and the reader SELECTed
    /// every file instead (also for the read that proves the chip-authentication keys).
    public var shortFileIdentifiersRefused: Bool

    public init(exchanges: Int = 0, restarts: Int = 0, secureMessagingAborts: Int = 0, unauthenticatedStatusWords: Int = 0,
                shortFileIdentifiersRefused: Bool = false)
    {
        self.exchanges = exchanges
        self.restarts = restarts
        self.secureMessagingAborts = secureMessagingAborts
        self.unauthenticatedStatusWords = unauthenticatedStatusWords
        self.shortFileIdentifiersRefused = shortFileIdentifiersRefused
    }
}

extension ReadStatistics: CustomStringConvertible {
    public var description: String {
        var parts = ["\(exchanges) exchanges", "\(restarts) restarts"]
        if secureMessagingAborts > 0 { parts.append("\(secureMessagingAborts) secure-messaging aborts by the card") }
        if unauthenticatedStatusWords > 0 { parts.append("\(unauthenticatedStatusWords) status words without DO'99'") }
        if shortFileIdentifiersRefused { parts.append("SELECT instead of SFI") }
        return parts.joined(separator: ", ")
    }
}
