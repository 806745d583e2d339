import CCCDTransport

/// A command path under secure messaging whose session can be switched to new keys: what Chip
/// Authentication needs once the chip accepts its key agreement. It is a type, not a cast, so that
/// Chip Authentication runs only over a sender that re-keys: a wrapper that forwarded commands but
/// kept the old keys would let the chip "pass" without ever using DG14's key. ``SecureChannel`` is
/// the implementation.
public protocol SecureMessagingSession: APDUSender {
    /// Replaces the session (new keys after Chip Authentication, SSC reset).
    func replaceState(_ newState: SecureMessagingState) async
    /// Ends the session locally: after a failed key switch nothing more may be sent under it.
    func terminate() async
}

/// The secure channel sends plain commands under secure messaging: the file reader uses it
/// exactly like a plain `APDUChannel`.
extension SecureChannel: SecureMessagingSession {}
