import Foundation

/// `--unix PATH`: only a socket left by a previous run is replaced — a regular file, folder or
/// link at PATH is refused (the daemon must never delete what it did not create). The socket is
/// bound under umask 0177 (nobody can connect in between) and then given mode 0660: the daemon's
/// user and its group (the client applications) may connect, nobody else.
enum UnixSocketPath {
    static let mode: mode_t = 0o660

    /// Removes a stale socket at `path`; throws for anything else there.
    static func prepare(_ path: String) throws(ConfigurationError) {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return }
            throw .invalidValue(key: "unixSocket", reason: "\(path): \(String(cString: strerror(errno)))")
        }
        guard info.st_mode & S_IFMT == S_IFSOCK else {
            throw .invalidValue(
                key: "unixSocket",
                reason: "\(path) exists and is not a socket; remove it yourself or choose another path")
        }
        guard unlink(path) == 0 else {
            throw .invalidValue(key: "unixSocket", reason: "cannot replace the old socket \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Sets the socket's mode once it is bound.
    static func finish(_ path: String) throws(ConfigurationError) {
        guard chmod(path, mode) == 0 else {
            throw .invalidValue(key: "unixSocket", reason: "cannot chmod \(path): \(String(cString: strerror(errno)))")
        }
    }
}
