/// What a client token may do (docs/daemon-operations.md, "Client tokens"):
/// - `teller`: everything of `kiosk`, plus face comparison, offline verification, evidence bundles,
///   metrics and diagnostics (the legacy single token has this scope);
/// - `kiosk`: reads, and its own reads' results, photos and events only;
/// - `monitor`: status, readers, metrics and diagnostics only (no read, no personal data).
public enum ClientScope: String, Codable, Sendable, CaseIterable {
    case teller
    case kiosk
    case monitor
}

/// One client token as the tokens file keeps it: never the secret, only its SHA-256.
public struct ClientTokenEntry: Codable, Sendable, Equatable {
    /// The client's name: unique in the file; it owns the reads made with the token.
    public var name: String
    public var scope: ClientScope
    /// SHA-256 of the secret's UTF-8 bytes, 64 lower-case hex digits.
    public var sha256: String
    public var created: String

    public init(name: String, scope: ClientScope, sha256: String, created: String) {
        self.name = name
        self.scope = scope
        self.sha256 = sha256
        self.created = created
    }
}

/// Why a tokens file is refused (the daemon refuses to start; `cccd token` exits 2).
public struct ClientTokenFileError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "tokens file \(path): \(reason)" }
}
