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
    /// Answers that made the reader change the length it asked for (`67 00`, `6C xx`, `6B 00`, an
    /// empty `62 82`), each a wasted exchange: zero when the reader profile and the card's word
    /// were right from the start.
    public var lengthRetries: Int
    /// Whether the read ended with extended-length APDUs allowed (card, reader and ladder agreeing).
    public var extendedLength: Bool
    /// The reader profile the read started with and where it came from.
    public var readerProfile: ReaderProfileReport?
    /// What the read learned about the reader when the ladder had to correct the limits (nil when
    /// nothing was corrected): the daemon remembers it per reader name for the next read.
    public var learnedReaderProfile: ReaderProfile?

    public init(exchanges: Int = 0, restarts: Int = 0, secureMessagingAborts: Int = 0, unauthenticatedStatusWords: Int = 0,
                shortFileIdentifiersRefused: Bool = false, lengthRetries: Int = 0, extendedLength: Bool = false,
                readerProfile: ReaderProfileReport? = nil, learnedReaderProfile: ReaderProfile? = nil)
    {
        self.lengthRetries = lengthRetries
        self.extendedLength = extendedLength
        self.readerProfile = readerProfile
        self.learnedReaderProfile = learnedReaderProfile
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
        if lengthRetries > 0 { parts.append("\(lengthRetries) length retries") }
        if let readerProfile { parts.append("reader profile: \(readerProfile.source.rawValue)\(readerProfile.pattern.map { " (\($0))" } ?? "")") }
        return parts.joined(separator: ", ")
    }
}
