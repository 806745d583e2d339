import CPCSCLite

/// PC/SC constants used here (pcsc-lite's values; listed explicitly so they have Swift types).
enum SCard {
    static let scopeSystem: DWORD = 2
    static let shareExclusive: DWORD = 1
    static let shareShared: DWORD = 2
    static let protocolT0: DWORD = 1
    static let protocolT1: DWORD = 2
    static let leaveCard: DWORD = 0
    static let resetCard: DWORD = 1
    static let unpowerCard: DWORD = 2
    static let infinite: DWORD = 0xFFFF_FFFF

    static let stateUnaware: DWORD = 0x0000
    static let stateIgnore: DWORD = 0x0001
    static let stateChanged: DWORD = 0x0002
    static let stateUnknown: DWORD = 0x0004
    static let stateUnavailable: DWORD = 0x0008
    static let stateEmpty: DWORD = 0x0010
    static let statePresent: DWORD = 0x0020
    static let stateExclusive: DWORD = 0x0080
    static let stateInUse: DWORD = 0x0100
    static let stateMute: DWORD = 0x0200

    /// The pseudo reader whose state changes when a reader is attached or detached.
    static let plugAndPlayReader = "\\\\?PnP?\\Notification"
}

/// How a connection shares the card with other applications.
public enum PCSCShareMode: Sendable {
    case shared
    case exclusive

    var value: DWORD { self == .shared ? SCard.shareShared : SCard.shareExclusive }
}

/// The transmission protocol negotiated with the card.
public enum PCSCProtocol: String, Sendable, Codable {
    case t0 = "T=0"
    case t1 = "T=1"
}

/// What to do with the card when disconnecting.
public enum PCSCDisposition: Sendable {
    case leave, reset, unpower

    var value: DWORD {
        switch self {
        case .leave: return SCard.leaveCard
        case .reset: return SCard.resetCard
        case .unpower: return SCard.unpowerCard
        }
    }
}

/// One reader as seen by the PC/SC service.
public struct ReaderState: Sendable, Equatable, Codable {
    public var name: String
    public var cardPresent: Bool
    /// The card's ATR when one is present.
    public var atr: [UInt8]?
    /// Another application holds the card.
    public var inUse: Bool
    public var exclusive: Bool
    /// A card is present but does not answer.
    public var mute: Bool
    public var unavailable: Bool

    public init(name: String, cardPresent: Bool, atr: [UInt8]?, inUse: Bool = false, exclusive: Bool = false,
                mute: Bool = false, unavailable: Bool = false) {
        self.name = name
        self.cardPresent = cardPresent
        self.atr = atr
        self.inUse = inUse
        self.exclusive = exclusive
        self.mute = mute
        self.unavailable = unavailable
    }

    init(name: String, eventState: DWORD, atr: [UInt8]) {
        let present = eventState & SCard.statePresent != 0
        self.init(
            name: name, cardPresent: present, atr: present && !atr.isEmpty ? atr : nil,
            inUse: eventState & SCard.stateInUse != 0, exclusive: eventState & SCard.stateExclusive != 0,
            mute: eventState & SCard.stateMute != 0, unavailable: eventState & SCard.stateUnavailable != 0)
    }
}
