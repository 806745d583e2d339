import CCCDProtocols
import CCCDTransport

/// Something that sends a command APDU and returns the (plain) response: a secure channel, or a
/// bare `APDUChannel` for cards read without access control.
public protocol CommandSender: Sendable {
    func send(_ command: CommandAPDU) async throws -> ResponseAPDU
}

extension SecureChannel: CommandSender {}
extension APDUChannel: CommandSender {}
