/// What a PC/SC reader can carry, whatever the card supports: extended-length APDUs and the
/// largest command and response messages. Counter readers differ (facts from the CCID driver's
/// reader list and bug trackers, ``ReaderProfileTable/builtIn``); a first read sized beyond what
/// the reader carries costs a failed exchange (or a hang) at every card.
public struct ReaderProfile: Sendable, Hashable, Codable {
    /// Extended Lc/Le get through. `false` also for "unknown, start short" (the card's word is
    /// not enough); `nil` = no restriction from the reader (the card decides).
    public var extendedLength: Bool?
    /// Largest command APDU in bytes (header, Lc, data and Le); nil = no limit known.
    public var maxCommandLength: Int?
    /// Largest response APDU in bytes (data and SW1 SW2); nil = no limit known.
    public var maxResponseLength: Int?

    public init(extendedLength: Bool? = nil, maxCommandLength: Int? = nil, maxResponseLength: Int? = nil) {
        self.extendedLength = extendedLength
        self.maxCommandLength = maxCommandLength
        self.maxResponseLength = maxResponseLength
    }

    /// No restriction: the card's ATR and EF.ATR/INFO decide, the ladder corrects.
    public static let unrestricted = ReaderProfile()
}

/// Where the profile of a read came from.
public enum ReaderProfileSource: String, Sendable, Codable, Hashable {
    /// A table entry (built in or added by configuration) matched the reader name.
    case table
    /// Learned by an earlier read on the same reader (the daemon remembers it per reader name).
    case learned
    /// No entry: no restriction, the card's word and the ladder decide.
    case `default`
}

/// The profile a read starts with and where it came from (``ReadStatistics/readerProfile``,
/// `cccd readers --json`).
public struct ReaderProfileReport: Sendable, Hashable, Codable {
    public var source: ReaderProfileSource
    /// The table entry's pattern, for ``ReaderProfileSource/table``.
    public var pattern: String?
    /// True when the entry comes from configuration (`CCCD_READER_PROFILES`, `readerProfiles`).
    public var configured: Bool?
    public var profile: ReaderProfile
    /// The table's note on the reader.
    public var note: String?

    public init(source: ReaderProfileSource, pattern: String? = nil, configured: Bool? = nil, profile: ReaderProfile,
                note: String? = nil)
    {
        self.source = source
        self.pattern = pattern
        self.configured = configured
        self.profile = profile
        self.note = note
    }
}

extension ReaderProfileReport {
    /// One line for people (`cccd readers`, `cccd doctor`): "table (*ACR122*): no extended APDUs,
    /// commands ≤ 271 B, responses ≤ 271 B".
    public var summary: String {
        var parts: [String] = []
        switch profile.extendedLength {
        case true?: parts.append("extended APDUs")
        case false?: parts.append("no extended APDUs")
        case nil: parts.append("as the card says")
        }
        if let max = profile.maxCommandLength { parts.append("commands ≤ \(max) B") }
        if let max = profile.maxResponseLength { parts.append("responses ≤ \(max) B") }
        return "\(source.rawValue)\(pattern.map { " (\($0))" } ?? ""): " + parts.joined(separator: ", ")
    }
}

extension ReadLimits {
    /// These limits cut to what `reader` carries. An extended-length answer needs both the card
    /// and the reader; the message limits bound the data fields (header, Lc/Le and SW aside).
    package func limited(by reader: ReaderProfile) -> ReadLimits {
        let extended = extendedLength && reader.extendedLength != false
        var response = maxResponseData
        var command = maxCommandData
        if let max = reader.maxResponseLength { response = min(response, max - 2) }
        // Header 4, then Lc and Le: 1 + 1 bytes short, 3 + 2 extended.
        if let max = reader.maxCommandLength { command = min(command, max - (extended ? 9 : 6)) }
        return ReadLimits(extendedLength: extended, maxResponseData: response, maxCommandData: command)
    }
}
