import CCCDLDS
import CCCDTransport

/// Why a file could not be read. Status words and sizes only: never file contents.
public enum FileReadError: CCCDErrorProtocol, Equatable, Sendable {
    /// The card answered READ BINARY or SELECT with an error the reader cannot work around.
    case cardRejected(file: LDSFile, status: StatusWord)
    /// The connection (tag loss, card removed, secure messaging dropped) failed and recovery was not
    /// possible: no recovery callback, or `attempts` recoveries used up. `reason` is the last failure.
    case connectionLost(file: LDSFile, offset: Int, attempts: Int, reason: String)
    /// Recovery itself failed (e.g. the card did not come back in time, or the access key no longer works).
    case recoveryFailed(file: LDSFile, offset: Int, reason: String)
    /// The file's first bytes are not a valid LDS TLV header.
    case malformedFile(file: LDSFile, reason: String)
    /// The card kept answering wrong-length errors down to the smallest read size.
    case noWorkingLength(file: LDSFile, status: StatusWord)
    /// The read was cancelled.
    case cancelled

    /// Stable machine code.
    public var code: String {
        switch self {
        case .cardRejected: "card_rejected"
        case .connectionLost: "connection_lost"
        case .recoveryFailed: "recovery_failed"
        case .malformedFile: "malformed_file"
        case .noWorkingLength: "no_working_length"
        case .cancelled: "cancelled"
        }
    }

    /// The reasons are kept as text (status words and sizes); no error is wrapped.
    public var underlyingError: (any Error)? { nil }

    public var description: String {
        switch self {
        case .cardRejected(let file, let status): return "reading \(file): the card answered \(status)"
        case .connectionLost(let file, let offset, let attempts, let reason):
            return "reading \(file) at offset \(offset): connection lost (\(reason)); \(attempts) recoveries tried"
        case .recoveryFailed(let file, let offset, let reason):
            return "reading \(file) at offset \(offset): could not resume: \(reason)"
        case .malformedFile(let file, let reason): return "\(file) is malformed: \(reason)"
        case .noWorkingLength(let file, let status):
            return "reading \(file): no read length works (last status \(status))"
        case .cancelled: return "cancelled"
        }
    }
}
