import CCCDClientTokens
import CCCDPrimitives
import Foundation
import Logging

/// The client a request's bearer token names: who owns the reads it makes, and what it may do.
public struct AuthenticatedClient: Sendable, Equatable {
    public var name: String
    public var scope: ClientScope

    public init(name: String, scope: ClientScope) {
        self.name = name
        self.scope = scope
    }

    /// The legacy single token (`tokenFile`): scope `teller`, its own reads like any other client.
    public static let legacy = AuthenticatedClient(name: ClientTokenFile.legacyName, scope: .teller)
}

/// The tokens the daemon accepts: the legacy single token, and the per-client tokens of the tokens
/// file. The file is looked at (one `stat`) on every authentication and reloaded when it changed
/// (`cccd token add|revoke` renames a new file over it), so a revoked token is refused from the next
/// request on, without SIGHUP or restart. A file that becomes invalid fails closed: no client token
/// is accepted until it is fixed (the legacy token still is), and the problem is logged.
public final class ClientRegistry: Sendable {
    let legacy: AccessToken
    /// `nil`: no tokens file (tests, or only the legacy token).
    let path: String?
    private let owner: uid_t
    private let logger: Logger
    private let state = LockedBox<(stamp: ClientTokenFile.Stamp?, file: ClientTokenFile)>((nil, ClientTokenFile()))

    /// Loads the tokens file (a missing one is empty); an invalid file refuses the start.
    public init(legacy: AccessToken, tokensFile path: String?, logger: Logger, owner: uid_t = geteuid())
        throws(ConfigurationError)
    {
        self.legacy = legacy
        self.path = path
        self.owner = owner
        self.logger = logger
        guard let path else { return }
        let stamp = ClientTokenFile.stamp(path: path)
        do {
            let file = try ClientTokenFile.load(path: path, owner: owner)
            state.withLock { $0 = (stamp, file) }
        } catch {
            throw .tokenFile(path: path, reason: error.reason)
        }
    }

    /// The client a presented bearer token belongs to, or `nil` (401).
    public func authenticate(_ presented: some StringProtocol) -> AuthenticatedClient? {
        if legacy.matches(presented) { return .legacy }
        return current().match(presented).map { AuthenticatedClient(name: $0.name, scope: $0.scope) }
    }

    /// The tokens file now, reloaded when its stamp changed.
    func current() -> ClientTokenFile {
        guard let path else { return ClientTokenFile() }
        let stamp = ClientTokenFile.stamp(path: path)
        if let cached = state.withLock({ $0.stamp == stamp ? $0.file : nil }) { return cached }
        let file: ClientTokenFile
        do {
            file = try ClientTokenFile.load(path: path, owner: owner)
            logger.notice("client tokens reloaded", metadata: ["tokensFile": "\(path)", "tokens": "\(file.entries.count)"])
        } catch {
            logger.error("client tokens refused until the file is fixed", metadata: ["problem": "\(error)"])
            file = ClientTokenFile()
        }
        state.withLock { $0 = (stamp, file) }
        return file
    }
}
