/// A parser returned something it must not (a round trip that changes the value, a `valid`
/// verdict from bytes that were not signed, …). The fuzz driver turns it into a crash report.
public struct FuzzInvariantViolation: Error, Sendable, Equatable, CustomStringConvertible {
    public let target: String
    public let message: String

    public init(_ target: String, _ message: String) {
        self.target = target
        self.message = message
    }

    public var description: String { "\(target): invariant violated: \(message)" }
}
