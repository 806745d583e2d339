import CCCDCrypto
import CCCDPrimitives
import Foundation

/// The bearer token every request (but `/healthz` and the static page) must carry. Kept in a file
/// readable by the daemon's user and group only; created at first start with 32 random bytes
/// (OpenSSL `RAND_bytes`) written as 64 hex digits. Rotate by deleting the file and restarting.
public struct AccessToken: Sendable {
    private let bytes: [UInt8]

    public init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// Constant-time comparison (OpenSSL `CRYPTO_memcmp`) of a presented token with this one.
    public func matches(_ presented: some StringProtocol) -> Bool {
        constantTimeEquals(Array(presented.utf8), bytes)
    }

    static let minimumLength = 32

    /// Reads the token file, or creates it (and its folder) when it does not exist.
    /// Refuses a file that others can read or write, and a token shorter than 32 characters.
    public static func loadOrCreate(path: String) throws(ConfigurationError) -> (token: AccessToken, created: Bool) {
        let manager = FileManager.default
        if !manager.fileExists(atPath: path) {
            try create(path: path)
            return (try load(path: path), true)
        }
        return (try load(path: path), false)
    }

    static func load(path: String) throws(ConfigurationError) -> AccessToken {
        var info = stat()
        guard stat(path, &info) == 0 else { throw .tokenFile(path: path, reason: "cannot stat: \(errnoText())") }
        // 0600 or 0640: the owner (the daemon) reads and writes, its group (the client applications,
        // `cccdkit` when packaged) may only read, nobody else may do anything.
        if let problem = PrivateFileCheck.problem(info, groupMayRead: true) {
            throw .tokenFile(path: path, reason: problem.reason(groupMayRead: true, suffix: " (or delete it to make a new one)"))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .tokenFile(path: path, reason: "cannot read")
        }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.count >= minimumLength, text.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else {
            throw .tokenFile(path: path, reason: "the token must be at least \(minimumLength) printable ASCII characters")
        }
        return AccessToken(text)
    }

    static func create(path: String) throws(ConfigurationError) {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            do {
                try FileManager.default.createDirectory(
                    atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o750])
            } catch {
                throw .tokenFile(path: path, reason: "cannot create the folder \(folder)")
            }
        }
        let random: [UInt8]
        do {
            random = try SecureRandom.bytes(32)
        } catch {
            throw .tokenFile(path: path, reason: "no random bytes: \(error)")
        }
        let text = Hex.lowercase(random) + "\n"
        // O_EXCL: never overwrite a token another process has just written.
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o640)
        guard fd >= 0 else { throw .tokenFile(path: path, reason: "cannot create: \(errnoText())") }
        defer { close(fd) }
        _ = fchmod(fd, 0o640)  // not narrowed by the umask
        let written = text.utf8CString.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count - 1) }
        guard written == text.utf8.count else { throw .tokenFile(path: path, reason: "cannot write: \(errnoText())") }
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}
