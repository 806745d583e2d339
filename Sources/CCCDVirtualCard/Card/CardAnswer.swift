/// How the card answers one command APDU, fault injection included.
public enum CardAnswer: Sendable, Equatable {
    /// The response APDU's bytes, sent after `delay` (a silent card) when one is set.
    case response([UInt8], delay: Duration?)
    /// The card left the field before answering; a real reader then sees it removed. `cccd sim`
    /// re-inserts it after `reinsertAfter`.
    case removed(reinsertAfter: Duration)
}
