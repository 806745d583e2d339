/// The errors of CCCDKit's API: a stable machine code (snake_case, the daemon's codes where the
/// meaning is the same: docs/interfaces.md) and, when another error caused this one, that error —
/// so a caller can branch on the code and still inspect the cause, not only a message.
public protocol CCCDErrorProtocol: Error, CustomStringConvertible {
    /// Stable across releases; the message (`description`) may change.
    var code: String { get }
    /// The error this one was made from, when there was one (a transport, protocol or MRZ error).
    var underlyingError: (any Error)? { get }
}

/// The reason an error case carries: its text (what `description` shows, unchanged) and the error it
/// was made from. Equal when the texts are equal, so error values stay `Equatable`.
public struct ErrorReason: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringInterpolation {
    /// The text shown in messages.
    public let message: String
    /// The error the reason came from, when there was one.
    public let underlyingError: (any Error)?

    public init(_ message: String, underlying: (any Error)? = nil) {
        self.message = message
        self.underlyingError = underlying
    }

    /// An error's own description as the text, and the error kept.
    public init(_ error: any Error) {
        self.init("\(error)", underlying: error)
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    public init(stringInterpolation: DefaultStringInterpolation) {
        self.init(String(stringInterpolation: stringInterpolation))
    }

    public var description: String { message }

    public static func == (lhs: ErrorReason, rhs: ErrorReason) -> Bool { lhs.message == rhs.message }
    public func hash(into hasher: inout Hasher) { hasher.combine(message) }
}
