import CCCDCrypto
import CCCDPrimitives
import Foundation

/// The per-client tokens of `cccdd` (`tokensFile` in cccdd.json): a JSON object
/// `{"version": 1, "tokens": [{"name", "scope", "sha256", "created"}]}`. Secrets are 32 random bytes
/// (OpenSSL `RAND_bytes`) shown once as 64 hex digits; the file holds their SHA-256 only (a secret of
/// 256 random bits needs no slow password hash). `cccd token` writes it, the daemon reloads it when it
/// changes.
public struct ClientTokenFile: Sendable, Equatable {
    public var entries: [ClientTokenEntry]

    public init(entries: [ClientTokenEntry] = []) {
        self.entries = entries
    }

    /// The name of the legacy single token (`tokenFile`); no entry may take it.
    public static let legacyName = "legacy"
    static let maximumNameLength = 64

    /// 1–64 characters out of `A–Z a–z 0–9 . _ - @` (the `X-Client-Id` alphabet), not `legacy`.
    public static func isValidName(_ name: String) -> Bool {
        guard name != legacyName, (1...maximumNameLength).contains(name.unicodeScalars.count) else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "A"..."Z", "a"..."z", "0"..."9", ".", "_", "-", "@": true
            default: false
            }
        }
    }

    /// SHA-256 (OpenSSL) of a secret, as lower-case hex.
    public static func hash(_ secret: some StringProtocol) -> String {
        let digest = (try? HashAlgorithm.sha256.hash(Array(secret.utf8))) ?? []
        return Hex.lowercase(digest)
    }

    /// The entry whose hash is the presented secret's, compared in constant time (OpenSSL
    /// `CRYPTO_memcmp`) against every entry.
    public func match(_ presented: some StringProtocol) -> ClientTokenEntry? {
        let presentedHash = Array(Self.hash(presented).utf8)
        var found: ClientTokenEntry?
        for entry in entries where constantTimeEquals(Array(entry.sha256.utf8), presentedHash) && found == nil {
            found = entry
        }
        return found
    }

    /// Adds a client and returns its new secret (shown once, never stored).
    public mutating func add(name: String, scope: ClientScope, now: Date = Date()) throws(ClientTokenFileError) -> String {
        guard Self.isValidName(name) else {
            throw ClientTokenFileError(
                path: "", reason: "the name must be 1-64 characters out of A-Z a-z 0-9 . _ - @ and not \"legacy\"")
        }
        guard !entries.contains(where: { $0.name == name }) else {
            throw ClientTokenFileError(path: "", reason: "a token named \(name) exists; revoke it first")
        }
        let random: [UInt8]
        do {
            random = try SecureRandom.bytes(32)
        } catch {
            throw ClientTokenFileError(path: "", reason: "no random bytes: \(error)")
        }
        let secret = Hex.lowercase(random)
        let created = ISO8601DateFormatter().string(from: now)
        entries.append(ClientTokenEntry(name: name, scope: scope, sha256: Self.hash(secret), created: created))
        return secret
    }

    /// Removes a client's token. Returns whether it existed.
    @discardableResult
    public mutating func revoke(name: String) -> Bool {
        let before = entries.count
        entries.removeAll { $0.name == name }
        return entries.count != before
    }

    private struct Document: Codable {
        var version: Int
        var tokens: [ClientTokenEntry]
    }

    /// The file's bytes (sorted keys, one entry per client).
    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return ((try? encoder.encode(Document(version: 1, tokens: entries))) ?? Data()) + Data([0x0A])
    }

    /// Parses a tokens file: version 1, valid unique names, known scopes, 64-hex hashes.
    public static func decode(_ data: Data, path: String) throws(ClientTokenFileError) -> ClientTokenFile {
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: data)
        } catch {
            throw ClientTokenFileError(
                path: path, reason: "not a tokens file ({\"version\": 1, \"tokens\": [{name, scope, sha256, created}]})")
        }
        guard document.version == 1 else { throw ClientTokenFileError(path: path, reason: "version must be 1") }
        var names = Set<String>()
        for entry in document.tokens {
            guard isValidName(entry.name), names.insert(entry.name).inserted else {
                throw ClientTokenFileError(path: path, reason: "invalid or repeated name \"\(entry.name.prefix(64))\"")
            }
            guard entry.sha256.utf8.count == 64, entry.sha256.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
                throw ClientTokenFileError(path: path, reason: "the hash of \(entry.name) is not 64 lower-case hex digits")
            }
        }
        return ClientTokenFile(entries: document.tokens)
    }
}
