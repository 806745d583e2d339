/// The one thing every card connection does: send a command APDU's bytes, return the response
/// APDU's bytes (data + SW1 SW2). PC/SC, the in-process virtual card, recording and replay all
/// implement it; secure messaging and file reading are built on top.
public protocol CardTransport: Sendable {
    /// Sends one command APDU and returns the raw response. Throws a `CardTransportError` (or the
    /// implementation's own typed error) when no response could be obtained.
    func transmit(_ command: [UInt8]) async throws -> [UInt8]
}

/// Errors of the card connection itself (as opposed to a status word from the card).
public enum CardTransportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The PC/SC service (pcscd) is not running or not reachable.
    case serviceUnavailable(String)
    /// No reader is attached, or the named one does not exist.
    case noReader(String?)
    /// The reader exists but cannot be used now (unplugged, in use by its driver, failed).
    case readerUnavailable(String)
    /// No card on the reader.
    case noCard
    /// The card was removed (or lost its field) during the session.
    case cardRemoved
    /// The card was reset by another application; the session state is lost.
    case cardReset
    /// The card does not answer (mute, no ATR, unsupported).
    case cardUnresponsive
    /// The card is held exclusively by another application.
    case sharingViolation
    /// The operation timed out.
    case timeout
    /// The operation was cancelled.
    case cancelled
    /// The card and reader share no usable protocol (T=0 / T=1).
    case protocolMismatch
    /// The connection was closed by this program.
    case closed
    /// The response was not a valid response APDU.
    case malformedResponse(String)
    /// Any other PC/SC failure, with its code and name.
    case pcsc(code: UInt32, name: String, message: String)

    public var description: String {
        switch self {
        case .serviceUnavailable(let why): return "the smart-card service (pcscd) is not available: \(why)"
        case .noReader(let name):
            return name.map { "no reader named \"\($0)\"" } ?? "no smart-card reader is attached"
        case .readerUnavailable(let name): return "the reader \"\(name)\" is not available"
        case .noCard: return "no card on the reader"
        case .cardRemoved: return "the card was removed"
        case .cardReset: return "the card was reset by another application"
        case .cardUnresponsive: return "the card does not respond"
        case .sharingViolation: return "the card is in use by another application"
        case .timeout: return "timed out"
        case .cancelled: return "cancelled"
        case .protocolMismatch: return "the card and the reader have no protocol in common"
        case .closed: return "the card connection is closed"
        case .malformedResponse(let why): return "malformed response from the card: \(why)"
        case .pcsc(let code, let name, let message):
            return "PC/SC error \(name) (0x\(String(code, radix: 16, uppercase: true))): \(message)"
        }
    }
}
