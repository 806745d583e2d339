import CCCDProtocols
import CCCDTransport

/// The secure channel sends plain commands under secure messaging: the file reader uses it
/// exactly like a plain `APDUChannel`.
extension SecureChannel: APDUSender {}
