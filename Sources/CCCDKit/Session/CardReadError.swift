import CCCDLDS
import CCCDProtocols
import CCCDTransport

/// Why a card could not be read. The CLI maps these to exit code 2 and to messages that say what
/// to do. Never carries personal data. ``code`` is stable; the reasons keep the error they came from
/// (``ErrorReason/underlyingError``).
public enum CardReadError: CCCDErrorProtocol, Sendable, Equatable {
    /// The access input is malformed (e.g. a CAN with letters, a date that is not YYYY-MM-DD).
    case invalidAccessInput(ErrorReason)
    /// The PC/SC service is not running or not reachable.
    case serviceUnavailable(ErrorReason)
    /// No reader attached, or the named one does not exist.
    case noReader(String?)
    /// No card arrived within the timeout.
    case noCard
    /// The card refused the CAN / MRZ key.
    case wrongAccessKey(retriesLeft: Int?)
    /// Access control failed for another reason (unsupported protocol, card error).
    case accessControlFailed(ErrorReason)
    /// The card is in use by another application.
    case cardInUse
    /// The connection failed and could not be recovered.
    case connectionLost(ErrorReason)
    /// A file could not be read.
    case fileRead(FileReadError)
    /// A file was read but could not be parsed.
    case malformedFile(file: LDSFile, reason: String)
    /// The read was cancelled.
    case cancelled

    public var description: String {
        switch self {
        case .invalidAccessInput(let why): "invalid access key input: \(why)"
        case .serviceUnavailable(let why): "the smart-card service is not available: \(why)"
        case .noReader(let name): name.map { "no reader named \"\($0)\"" } ?? "no smart-card reader is attached"
        case .noCard: "no card was presented in time"
        case .wrongAccessKey(let left): "wrong access key" + (left.map { " (\($0) tries left)" } ?? "")
        case .accessControlFailed(let why): "access control failed: \(why)"
        case .cardInUse: "the card is in use by another application"
        case .connectionLost(let why): "the connection to the card was lost: \(why)"
        case .fileRead(let error): "\(error)"
        case .malformedFile(let file, let reason): "\(file) is malformed: \(reason)"
        case .cancelled: "cancelled"
        }
    }

    /// Stable machine code: the daemon's code where it means the same (docs/interfaces.md).
    public var code: String {
        switch self {
        case .invalidAccessInput: "invalid_access_input"
        case .serviceUnavailable: "service_unavailable"
        case .noReader: "no_reader"
        case .noCard: "no_card"
        case .wrongAccessKey: "wrong_access_key"
        case .accessControlFailed: "access_control_failed"
        case .cardInUse: "card_in_use"
        case .connectionLost: "connection_lost"
        case .fileRead: "file_read_failed"
        case .malformedFile: "malformed_file"
        case .cancelled: "cancelled"
        }
    }

    /// The transport, protocol or MRZ error behind this one, when there was one.
    public var underlyingError: (any Error)? {
        switch self {
        case .invalidAccessInput(let reason), .serviceUnavailable(let reason), .accessControlFailed(let reason),
            .connectionLost(let reason):
            reason.underlyingError
        case .fileRead(let error): error
        default: nil
        }
    }

    /// Maps transport and protocol errors to the reader's error.
    package static func from(_ error: any Error) -> CardReadError {
        switch error {
        case let error as CardReadError: return error
        case let error as FileReadError:
            if case .cancelled = error { return .cancelled }
            return .fileRead(error)
        case let error as AccessControlError:
            if case .wrongAccessKey(let left) = error { return .wrongAccessKey(retriesLeft: left) }
            return .accessControlFailed(ErrorReason(error))
        case let error as CardTransportError:
            switch error {
            case .serviceUnavailable(let why): return .serviceUnavailable(ErrorReason(why, underlying: error))
            case .noReader(let name): return .noReader(name)
            case .noCard: return .noCard
            // An exchange the card left unanswered (``ReadOptions/exchangeTimeout``).
            case .timeout: return .connectionLost(ErrorReason("the card did not answer in time", underlying: error))
            case .sharingViolation: return .cardInUse
            case .cancelled: return .cancelled
            default: return .connectionLost(ErrorReason(error))
            }
        case is CancellationError: return .cancelled
        default: return .connectionLost(ErrorReason("\(error)", underlying: error))
        }
    }
}
