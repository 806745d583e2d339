#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// What makes a file unfit to hold a secret (the daemon's token, the client tokens file, the device key).
public enum PrivateFileProblem: Equatable, Sendable {
    case notRegularFile
    /// Others may read it, or the group may write it (or read it where only 0600 is allowed); octal mode.
    case tooOpen(mode: String)
    case wrongOwner(uid: UInt32, expected: UInt32)
    /// 0640 with a group that is not one of the checking process's groups.
    case foreignGroup(gid: UInt32)
}

/// The one rule for secret files, on what `stat`/`fstat` returned (callers open and stat the file
/// themselves, so each keeps its own missing-file and race handling): a regular file, mode 0600 (or
/// 0640 where the group may read, and then only one of `groups`, the daemon's), owned by `owner`.
/// `groups` nil skips the group rule: an administrator's tool reading the daemon's file is not in its group.
public enum PrivateFileCheck {
    public static func problem(
        _ info: stat, groupMayRead: Bool, owner: uid_t = geteuid(), groups: Set<gid_t>? = processGroups()
    ) -> PrivateFileProblem? {
        guard info.st_mode & S_IFMT == S_IFREG else { return .notRegularFile }
        guard info.st_mode & (groupMayRead ? 0o037 : 0o077) == 0 else {
            return .tooOpen(mode: String(info.st_mode & 0o7777, radix: 8))
        }
        guard info.st_uid == owner else { return .wrongOwner(uid: UInt32(info.st_uid), expected: UInt32(owner)) }
        guard info.st_mode & 0o040 == 0 || groups?.contains(info.st_gid) != false else {
            return .foreignGroup(gid: UInt32(info.st_gid))
        }
        return nil
    }

    /// The process's effective group and supplementary groups.
    public static func processGroups() -> Set<gid_t> {
        var groups = Set([getegid()])
        let count = getgroups(0, nil)
        if count > 0 {
            var list = [gid_t](repeating: 0, count: Int(count))
            let got = getgroups(count, &list)
            if got > 0 { groups.formUnion(list.prefix(Int(got))) }
        }
        return groups
    }
}

extension PrivateFileProblem {
    /// The problem and its fix for an error message; `groupMayRead` as checked, `suffix` a caller's
    /// extra hint such as " (or delete it to make a new one)".
    public func reason(groupMayRead: Bool, suffix: String = "") -> String {
        switch self {
        case .notRegularFile:
            return "not a regular file"
        case .tooOpen(let mode):
            return groupMayRead
                ? "mode \(mode) lets others than the owner write or others read it; chmod 0640 it\(suffix)"
                : "mode \(mode) lets others than the owner read or write it; chmod 0600 it\(suffix)"
        case .wrongOwner(let uid, let expected):
            return "belongs to uid \(uid), not to the daemon's user (uid \(expected)); chown it to that user\(suffix)"
        case .foreignGroup(let gid):
            return "mode 0640 with group \(gid), which is not a group of the daemon's user; "
                + "chgrp it to the daemon's group (docs/daemon-operations.md) or chmod 0600 it"
        }
    }
}
