import CCCDLDS
import CCCDProtocols

/// What to read and how.
public struct ReadOptions: Sendable {
    /// The data groups to read; `nil` = every data group EF.COM lists except DG3 and DG4 (they need
    /// Terminal Authentication and are reported as not accessible without asking the card).
    public var dataGroups: Set<DataGroup>?
    /// Read DG2 (the photo). Off saves most of the read time.
    public var includePhoto: Bool
    /// Read EF.SOD (needed for verification).
    public var includeSecurityObject: Bool
    /// How long to wait for a card (and for it to come back after tag loss).
    public var cardTimeout: Duration
    /// Longest wait for the card's answer to one command APDU; a card silent for longer counts as
    /// lost (`CardTransportError.timeout`): the read reconnects and resumes, or fails with
    /// ``CardReadError/connectionLost(_:)`` / ``FileReadError/connectionLost(file:offset:attempts:reason:)``.
    /// nil = wait as long as the transport does.
    public var exchangeTimeout: Duration?
    /// Use short APDUs only, even when the card supports extended length.
    public var shortAPDUsOnly: Bool
    /// Read EF.ATR/INFO to size the reads (when the ATR does not say it is absent).
    public var useATRInfo: Bool
    /// File-reading tuning (first read size, recoveries, SFI).
    public var fileReading: FileReadingOptions
    /// Access procedure policy (PACE/BAC choice).
    public var accessPolicy: AccessPolicy
    /// Randomness for access control; fixed sources make recorded sessions reproducible.
    public var random: any RandomSource
    /// Called after the files are read, while the card is still connected, to fill `verification`.
    /// Default: ``DefaultCardVerifier`` (passive, active and chip authentication against the default
    /// trust store); nil reads without verifying (`verification` is then `incomplete`, never `valid`).
    public var verifier: (any ReadResultVerifier)?
    /// The challenge for Active Authentication (8 bytes), chosen by the caller — a back end that
    /// wants proof the chip answered now; nil for a random one. Kept in the result's evidence.
    public var activeAuthenticationChallenge: [UInt8]?
    /// Reader profiles by reader name (built in, plus `CCCD_READER_PROFILES`): what the reader
    /// carries bounds the first read, so it does not probe with a size the reader refuses.
    public var readerProfiles: ReaderProfileTable
    /// A profile learned by an earlier read on the same reader (``ReadStatistics/learnedReaderProfile``);
    /// wins over the table.
    public var learnedReaderProfile: ReaderProfile?
    /// Called from the reading task as soon as a file has been read whole, with its bytes, while the
    /// read goes on (e.g. to start the chip photo's face template when DG2 arrives). Must return at
    /// once: hand real work to another task or thread.
    public var fileReadObserver: (@Sendable (LDSFile, [UInt8]) -> Void)?

    public init(
        dataGroups: Set<DataGroup>? = nil, includePhoto: Bool = true, includeSecurityObject: Bool = true,
        cardTimeout: Duration = .seconds(30), exchangeTimeout: Duration? = .seconds(10), shortAPDUsOnly: Bool = false,
        useATRInfo: Bool = true,
        fileReading: FileReadingOptions = .init(), accessPolicy: AccessPolicy = .strict,
        random: any RandomSource = SystemRandomSource(), verifier: (any ReadResultVerifier)? = DefaultCardVerifier(),
        activeAuthenticationChallenge: [UInt8]? = nil,
        readerProfiles: ReaderProfileTable = .standard(), learnedReaderProfile: ReaderProfile? = nil
    ) {
        self.readerProfiles = readerProfiles
        self.learnedReaderProfile = learnedReaderProfile
        self.dataGroups = dataGroups
        self.includePhoto = includePhoto
        self.includeSecurityObject = includeSecurityObject
        self.cardTimeout = cardTimeout
        self.exchangeTimeout = exchangeTimeout
        self.shortAPDUsOnly = shortAPDUsOnly
        self.useATRInfo = useATRInfo
        self.fileReading = fileReading
        self.accessPolicy = accessPolicy
        self.random = random
        self.verifier = verifier
        self.activeAuthenticationChallenge = activeAuthenticationChallenge
    }
}
