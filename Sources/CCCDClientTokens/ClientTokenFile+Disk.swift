import CCCDPrimitives
import Foundation

/// Reading and writing the tokens file with the checks of the daemon's other secrets: a regular file,
/// mode 0600 or 0640 (the owner writes, its group may read, nobody else may do anything), owned by
/// the daemon's user.
extension ClientTokenFile {
    /// What identifies one version of the file (a rename by `cccd token` changes the inode, chmod the
    /// change time).
    public struct Stamp: Equatable, Sendable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var modified: [Int]
        /// A chmod or chown changes only this one.
        var changed: [Int]
    }

    /// The file's stamp, or `nil` when it does not exist.
    public static func stamp(path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Stamp(
            device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
            modified: [Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec)],
            changed: [Int(info.st_ctim.tv_sec), Int(info.st_ctim.tv_nsec)])
    }

    /// Reads and checks the file; `owner`, when given, is the uid it must belong to (the daemon's).
    /// A missing file is an empty one.
    public static func load(path: String, owner: uid_t? = nil) throws(ClientTokenFileError) -> ClientTokenFile {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT { return ClientTokenFile() }
            throw ClientTokenFileError(path: path, reason: "cannot stat: \(String(cString: strerror(errno)))")
        }
        // The daemon (`owner` given) checks owner and group; `cccd token` run by an administrator does not.
        if let problem = PrivateFileCheck.problem(
            info, groupMayRead: true, owner: owner ?? info.st_uid, groups: owner == nil ? nil : PrivateFileCheck.processGroups())
        {
            throw ClientTokenFileError(path: path, reason: problem.reason(groupMayRead: true))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ClientTokenFileError(path: path, reason: "cannot read")
        }
        return try decode(data, path: path)
    }

    /// Writes the file atomically (a new file renamed over the old one). An existing file keeps its
    /// owner, group and mode; a new one gets mode 0640 and, when run as root, the owner and group of
    /// its folder (the daemon's state folder), so `sudo cccd token add` leaves a file the daemon accepts.
    public func save(path: String) throws(ClientTokenFileError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var existing = stat()
        let exists = stat(path, &existing) == 0
        var folderInfo = stat()
        guard stat(folder, &folderInfo) == 0 else {
            throw ClientTokenFileError(path: path, reason: "the folder \(folder) does not exist")
        }
        let mode = exists ? existing.st_mode & 0o640 : 0o640
        let (owner, group) = exists ? (existing.st_uid, existing.st_gid) : (folderInfo.st_uid, folderInfo.st_gid)

        let temporary = folder + "/." + url.lastPathComponent + ".\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw ClientTokenFileError(path: path, reason: "cannot write in \(folder): \(String(cString: strerror(errno)))")
        }
        let bytes = [UInt8](encoded())
        let written = bytes.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count) }
        if geteuid() == 0 { _ = fchown(fd, owner, group) }
        let finished = written == bytes.count && fchmod(fd, mode) == 0 && fsync(fd) == 0
        close(fd)
        guard finished, rename(temporary, path) == 0 else {
            let why = String(cString: strerror(errno))
            unlink(temporary)
            throw ClientTokenFileError(path: path, reason: "cannot write: \(why)")
        }
    }
}
