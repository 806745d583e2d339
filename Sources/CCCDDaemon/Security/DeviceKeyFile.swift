import CCCDCrypto
import CCCDPrimitives
import Foundation

/// The device's ES256 signing key (signed evidence bundles, `GET /v1/device`): a P-256 private key
/// in a PEM file only the daemon's user may read (0600, like the audit salt: whoever reads it can
/// sign bundles as this device), made with OpenSSL keygen at first start. Rotate by deleting it.
enum DeviceKeyFile {
    /// Reads the key at `path`, or creates it (and its folder) when it does not exist.
    static func loadOrCreate(path: String) throws(ConfigurationError) -> (key: P256SigningKey, created: Bool) {
        for _ in 0..<2 {
            if let key = try load(path: path) { return (key, false) }
            if let key = try create(path: path) { return (key, true) }
            // Lost an exclusive-create race: the other process wrote it; read theirs.
        }
        throw .deviceKeyFile(path: path, reason: "created concurrently but unreadable")
    }

    /// nil when the file does not exist.
    static func load(path: String) throws(ConfigurationError) -> P256SigningKey? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw .deviceKeyFile(path: path, reason: "cannot open: \(errnoText())")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .deviceKeyFile(path: path, reason: "cannot stat: \(errnoText())") }
        if let problem = PrivateFileCheck.problem(info, groupMayRead: false) {
            throw .deviceKeyFile(
                path: path, reason: problem.reason(groupMayRead: false, suffix: " (or delete it to make a new key)"))
        }
        var bytes = [UInt8](repeating: 0, count: 16 << 10)
        var total = 0
        while total < bytes.count {
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + total, $0.count - total) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .deviceKeyFile(path: path, reason: "cannot read: \(errnoText())")
            }
            if n == 0 { break }
            total += n
        }
        do {
            return try P256SigningKey(pem: Array(bytes.prefix(total)))
        } catch {
            throw .deviceKeyFile(path: path, reason: "not a P-256 private key in PEM (delete it to make a new key)")
        }
    }

    /// nil when another process created the file first.
    static func create(path: String) throws(ConfigurationError) -> P256SigningKey? {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            do {
                try FileManager.default.createDirectory(
                    atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o750])
            } catch {
                throw .deviceKeyFile(path: path, reason: "cannot create the folder \(folder)")
            }
        }
        let key: P256SigningKey
        let pem: [UInt8]
        do {
            key = try P256SigningKey.generate()
            pem = try key.pem()
        } catch {
            throw .deviceKeyFile(path: path, reason: "cannot generate a key: \(error)")
        }
        // O_EXCL: never overwrite a key another process has just written.
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        if fd < 0 {
            if errno == EEXIST { return nil }
            throw .deviceKeyFile(path: path, reason: "cannot create: \(errnoText())")
        }
        defer { close(fd) }
        _ = fchmod(fd, 0o600)
        let written = pem.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == pem.count, fsync(fd) == 0 else {
            unlink(path)
            throw .deviceKeyFile(path: path, reason: "cannot write: \(errnoText())")
        }
        return key
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}
