/// Why a trust store folder operation failed.
package enum TrustFolderError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The folder cannot be created or written (typically: not root; set `CCCD_TRUST_DIR`).
    case notWritable(path: String, reason: String)
    /// No installed item has this fingerprint.
    case notFound(String)
    /// A fingerprint prefix names several items.
    case ambiguous(String, matches: [String])
    /// The fingerprint text is not hexadecimal (or too short to be unique).
    case invalidFingerprint(String)

    package var description: String {
        switch self {
        case .notWritable(let path, let reason): "cannot write the trust store \(path): \(reason)"
        case .notFound(let sha): "no certificate, CRL or master list with SHA-256 \(sha) in the trust store"
        case .ambiguous(let sha, let matches): "\(sha) matches several items: \(matches.joined(separator: ", "))"
        case .invalidFingerprint(let text): "\(text) is not a SHA-256 fingerprint (64 hex digits, or a unique prefix of at least 8)"
        }
    }
}
