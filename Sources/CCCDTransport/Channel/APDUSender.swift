/// Anything that sends one command APDU and returns the final response APDU: the plain
/// ``APDUChannel`` and, by extension in CCCDKit, the secure-messaging channel of CCCDProtocols.
///
/// File reading is written against this protocol so the same strategy runs with and without
/// secure messaging.
public protocol APDUSender: Sendable {
    /// Sends `command` and returns the response (transport-level `61 xx` / `6C xx` already handled).
    func send(_ command: CommandAPDU) async throws -> ResponseAPDU
}

extension APDUChannel: APDUSender {}
