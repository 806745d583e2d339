/// One thing wrong with the trust store, as `cccd trust check` reports it: a stable code and one
/// sentence an IT admin can act on.
package struct TrustProblem: Sendable, Codable, Hashable, CustomStringConvertible {
    package enum Code: String, Sendable, Codable, Hashable {
        case noAnchor = "no-anchor"
        case anchorExpired = "anchor-expired"
        case anchorExpiring = "anchor-expiring"
        case signingPeriodOver = "signing-period-over"
        case crlOutdated = "crl-outdated"
        case lookalike = "lookalike-csca"
    }

    package var code: Code
    package var message: String
    /// The folder file concerned, when one is.
    package var file: String?

    package init(_ code: Code, _ message: String, file: String? = nil) {
        self.code = code
        self.message = message
        self.file = file
    }

    package var description: String { message + (file.map { " (\($0))" } ?? "") }
}
