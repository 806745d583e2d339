import CCCDLDS

/// Steps of a read, in order, for progress displays (CLI progress bar, daemon events).
public enum ReadProgress: Sendable, Equatable, CustomStringConvertible {
    /// Waiting for a card on the reader (nil = the first reader).
    case waitingForCard(reader: String?)
    /// Connected to the card.
    case connected(reader: String?)
    /// Running access control (PACE or BAC).
    case authenticating
    /// Access control done with this protocol (`PACE`, `BAC`, `none`).
    case authenticated(protocol: String)
    /// Bytes of one file read so far.
    case file(FileProgress)
    /// The connection was lost; reconnecting and resuming.
    case recovering(reason: String)
    /// Everything read.
    case finished

    public var description: String {
        switch self {
        case .waitingForCard(let reader): "waiting for a card on \(reader ?? "the first reader")"
        case .connected(let reader): "connected to \(reader ?? "the card")"
        case .authenticating: "access control"
        case .authenticated(let p): "access granted (\(p))"
        case .file(let p): "\(p)"
        case .recovering(let reason): "recovering: \(reason)"
        case .finished: "finished"
        }
    }
}
