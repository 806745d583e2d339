import Foundation

/// Maps PC/SC reader names to ``ReaderProfile``s: the built-in entries, with entries from
/// configuration in front (they override by matching first).
///
/// Patterns match the reader name case-insensitively; `*` stands for any text, otherwise the
/// pattern matches anywhere in the name ("ACR122" matches "ACS ACR122U PICC Interface 00 00").
public struct ReaderProfileTable: Sendable {
    public struct Entry: Sendable, Hashable, Codable {
        public var pattern: String
        public var extendedLength: Bool?
        public var maxCommandLength: Int?
        public var maxResponseLength: Int?
        public var note: String?
        /// Set for entries from configuration (not encoded: the file says nothing about it).
        public var configured = false

        private enum CodingKeys: String, CodingKey { case pattern, extendedLength, maxCommandLength, maxResponseLength, note }

        public init(_ pattern: String, extendedLength: Bool? = nil, maxCommandLength: Int? = nil,
                    maxResponseLength: Int? = nil, note: String? = nil, configured: Bool = false)
        {
            self.pattern = pattern
            self.extendedLength = extendedLength
            self.maxCommandLength = maxCommandLength
            self.maxResponseLength = maxResponseLength
            self.note = note
            self.configured = configured
        }

        public var profile: ReaderProfile {
            ReaderProfile(extendedLength: extendedLength, maxCommandLength: maxCommandLength, maxResponseLength: maxResponseLength)
        }

        /// Whether `name` matches the pattern (case-insensitive; `*` = any text; otherwise anywhere).
        public func matches(_ name: String) -> Bool {
            let parts = pattern.lowercased().split(separator: "*", omittingEmptySubsequences: true)
            guard !parts.isEmpty else { return !pattern.isEmpty }
            var rest = name.lowercased()[...]
            for part in parts {
                guard let range = rest.range(of: part) else { return false }
                rest = rest[range.upperBound...]
            }
            return true
        }
    }

    /// First match wins.
    public var entries: [Entry]

    public init(entries: [Entry] = ReaderProfileTable.builtIn) {
        self.entries = entries
    }

    /// From the CCID driver's reader list and bug trackers. More specific patterns first.
    public static let builtIn: [Entry] = [
        Entry("ACR122", extendedLength: false, maxCommandLength: 271, maxResponseLength: 271,
              note: "ACR122U: no extended APDUs, 271-byte messages"),
        Entry("ACR1252*SAM", extendedLength: false, note: "ACR1252U SAM slot: no extended APDUs"),
        Entry("ACR1252", extendedLength: true, maxCommandLength: 520, maxResponseLength: 520,
              note: "ACR1252U contactless: extended APDUs, ~520-byte messages"),
        Entry("ACR1552", extendedLength: true, maxCommandLength: 520, maxResponseLength: 520,
              note: "ACR1552U: extended APDUs, ~520-byte messages"),
        Entry("ACR1281", extendedLength: false, maxCommandLength: 255,
              note: "ACR1281: drops commands over 255 bytes; short APDUs"),
        Entry("OMNIKEY*5422", extendedLength: false,
              note: "OMNIKEY 5422: extended APDUs only with some drivers; unknown, short first"),
        Entry("uTrust 4701", extendedLength: true, maxCommandLength: 1034, maxResponseLength: 1034,
              note: "Identiv uTrust 4701F: 1034-byte messages"),
    ]

    /// The built-in table with the entries of `CCCD_READER_PROFILES` (a JSON file) in front.
    /// An unreadable file is reported by ``configuredEntries(environment:)``; here it is skipped.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment,
                                extra: [Entry] = []) -> ReaderProfileTable
    {
        ReaderProfileTable(entries: extra + ((try? configuredEntries(environment: environment)) ?? []) + builtIn)
    }

    /// The entries of the file named by `CCCD_READER_PROFILES`; empty when unset.
    public static func configuredEntries(environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> [Entry]
    {
        guard let path = environment["CCCD_READER_PROFILES"], !path.isEmpty else { return [] }
        return try entries(json: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// Entries from JSON: a list of entries, or an object with a `readerProfiles` list.
    public static func entries(json data: Data) throws -> [Entry] {
        struct Wrapped: Decodable { var readerProfiles: [Entry] }
        let decoder = JSONDecoder()
        var list: [Entry]
        if let plain = try? decoder.decode([Entry].self, from: data) {
            list = plain
        } else {
            list = try decoder.decode(Wrapped.self, from: data).readerProfiles
        }
        for i in list.indices { list[i].configured = true }
        return list
    }

    /// The first entry matching `readerName`.
    public func entry(for readerName: String) -> Entry? {
        entries.first { $0.matches(readerName) }
    }

    /// The profile a read on `readerName` starts with: `learned` (an earlier read's) wins, then
    /// the table, else no restriction.
    public func resolve(readerName: String?, learned: ReaderProfile? = nil) -> ReaderProfileReport {
        if let learned { return ReaderProfileReport(source: .learned, profile: learned) }
        if let readerName, let entry = entry(for: readerName) {
            return ReaderProfileReport(source: .table, pattern: entry.pattern, configured: entry.configured,
                                       profile: entry.profile, note: entry.note)
        }
        return ReaderProfileReport(source: .default, profile: .unrestricted)
    }
}
