import CCCDProtocols
import CCCDTransport

/// The live channel to a card that a read goes through, and that a ``ReadResultVerifier`` receives
/// for the checks that need the chip: Active Authentication sends through `sender`, Chip
/// Authentication re-keys `session`.
public struct ChipChannel: Sendable {
    public var sender: any APDUSender
    /// Whether `sender` applies secure messaging (the reader then leaves room for its overhead).
    public var secureMessaging: Bool
    /// The secure-messaging session `sender` is, when the connection was made with
    /// ``init(session:)``: what Chip Authentication re-keys. Nil for a plain connection, where Chip
    /// Authentication reports not-performed rather than running without re-keying.
    public var session: (any SecureMessagingSession)?

    public init(sender: any APDUSender, secureMessaging: Bool) {
        self.sender = sender
        self.secureMessaging = secureMessaging
        self.session = nil
    }

    /// A connection under secure messaging through `session`.
    public init(session: any SecureMessagingSession) {
        self.sender = session
        self.secureMessaging = true
        self.session = session
    }
}
