/// Tuning of the file-reading strategy (``ReadOptions/fileReading``): first read size, recoveries, SFI.
public struct FileReadingOptions: Sendable {
    /// Upper bound of the first read of every file (header + small files in one exchange).
    public var firstReadLength: Int
    /// How many times a lost connection may be recovered during this reader's life.
    public var maxRecoveries: Int
    /// Try READ BINARY by SFI before SELECT.
    public var useShortFileIdentifiers: Bool
    /// How many times the card may end secure messaging with a bare status word (each costs a
    /// new access-control run) during this reader's life.
    public var maxSessionAborts: Int

    /// The usual first read: header and small files in one exchange, no answer beyond what
    /// short-lived chips handle well.
    public static let standardFirstReadLength = 4096

    public init(
        firstReadLength: Int = FileReadingOptions.standardFirstReadLength, maxRecoveries: Int = 3,
        useShortFileIdentifiers: Bool = true, maxSessionAborts: Int = 4
    ) {
        self.firstReadLength = max(1, firstReadLength)
        self.maxRecoveries = max(0, maxRecoveries)
        self.useShortFileIdentifiers = useShortFileIdentifiers
        self.maxSessionAborts = max(0, maxSessionAborts)
    }
}
