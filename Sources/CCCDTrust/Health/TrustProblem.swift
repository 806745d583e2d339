/// One thing wrong with the trust store, as `cccd trust check` reports it: a stable code and one
/// sentence an IT admin can act on.
public struct TrustProblem: Sendable, Codable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Codable, Hashable {
        case noAnchor = "no-anchor"
        case anchorExpired = "anchor-expired"
        case anchorExpiring = "anchor-expiring"
        case signingPeriodOver = "signing-period-over"
        case crlOutdated = "crl-outdated"
        case lookalike = "lookalike-csca"
    }

    public var code: Code
    public var message: String
    /// The folder file concerned, when one is.
    public var file: String?

    public init(_ code: Code, _ message: String, file: String? = nil) {
        self.code = code
        self.message = message
        self.file = file
    }

    public var description: String { message + (file.map { " (\($0))" } ?? "") }
}
