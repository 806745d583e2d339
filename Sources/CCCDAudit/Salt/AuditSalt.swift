import CCCDCrypto
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The secret key of the ID hashes: 32 random bytes in a file only the daemon's user can read.
/// Whoever holds it can recover an ID number from its hash by trying every number, so it never
/// leaves the file, is never logged, and a file others can read is refused.
package struct AuditSalt: Sendable {
    package static let length = 32

    let bytes: [UInt8]

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// Reads the salt at `path`, or creates it (mode 0600, 32 bytes from OpenSSL's `RAND_bytes`) when
    /// it does not exist yet. Concurrent first starts agree on one salt (exclusive create).
    package static func loadOrCreate(at path: String) throws(AuditError) -> AuditSalt {
        for _ in 0..<2 {
            if let existing = try load(at: path) { return existing }
            if let created = try create(at: path) { return created }
            // Lost an exclusive-create race: the other process wrote it; read theirs.
        }
        throw .saltUnavailable(path: path, reason: "created concurrently but unreadable")
    }

    /// A salt that lives in memory only, for a journal opened read-only (its hashes match nothing).
    static func ephemeral() throws(AuditError) -> AuditSalt {
        do {
            return AuditSalt(bytes: try SecureRandom.bytes(length))
        } catch {
            throw .hashUnavailable(reason: error.description)
        }
    }

    /// nil when the file does not exist.
    private static func load(at path: String) throws(AuditError) -> AuditSalt? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw .saltUnavailable(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw .saltUnavailable(path: path, reason: String(cString: strerror(errno)))
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw .saltUnavailable(path: path, reason: "not a regular file")
        }
        // Owner only (0600): with the salt, every hashed ID number can be recovered by trying all
        // 10^12 of them, so not even the daemon's group (which reads the token) may read it.
        let mode = UInt16(info.st_mode & 0o7777)
        if mode & 0o077 != 0 { throw .saltNotPrivate(path: path, mode: mode) }
        if info.st_uid != geteuid() { throw .saltWrongOwner(path: path, owner: info.st_uid) }
        var buffer = [UInt8](repeating: 0, count: length + 1)
        var total = 0
        while total < buffer.count {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + total, $0.count - total) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .saltUnavailable(path: path, reason: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            total += n
        }
        guard total == length else { throw .saltInvalid(path: path, length: total) }
        return AuditSalt(bytes: Array(buffer.prefix(length)))
    }

    /// nil when another process created the file first.
    private static func create(at path: String) throws(AuditError) -> AuditSalt? {
        let bytes: [UInt8]
        do {
            bytes = try SecureRandom.bytes(length)
        } catch {
            throw .saltUnavailable(path: path, reason: error.description)
        }
        // Write to a private temporary file, then link it into place: a crash never leaves a short
        // salt behind, and link() fails if the name exists (exclusive).
        let temporary = path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw .saltUnavailable(path: path, reason: String(cString: strerror(errno))) }
        defer { unlink(temporary) }
        // open() honours the umask, which can only remove bits; make the mode exact anyway.
        _ = fchmod(fd, 0o600)
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, $0.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                close(fd)
                throw .saltUnavailable(path: path, reason: reason)
            }
            written += n
        }
        let synced = fsync(fd) == 0
        let syncError = errno
        close(fd)
        guard synced else { throw .saltUnavailable(path: path, reason: String(cString: strerror(syncError))) }
        if link(temporary, path) != 0 {
            if errno == EEXIST { return nil }
            throw .saltUnavailable(path: path, reason: String(cString: strerror(errno)))
        }
        return AuditSalt(bytes: bytes)
    }
}
