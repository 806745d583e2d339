/// What an entry function did with its input (both are fine; tests use it to check that a seed
/// corpus really reaches the parser's success path).
public enum FuzzOutcome: String, Sendable, Equatable {
    /// The input parsed and every invariant held.
    case accepted
    /// The parser rejected the input with a typed error.
    case rejected
}
