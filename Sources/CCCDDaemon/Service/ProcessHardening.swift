#if canImport(CGlibcMalloc)
import CGlibcMalloc
#endif
import Foundation

/// The daemon holds card data, photos and the API token in memory: no core dump may write them to
/// disk, and other processes of the same user may not attach to it or read /proc/PID/mem.
/// `PR_SET_DUMPABLE` 0 does both (and makes /proc/PID files root-owned); `RLIMIT_CORE` 0 as well,
/// for the case the flag is reset (the unit file also sets `LimitCORE=0`).
public enum ProcessHardening {
    public static func apply() {
        var none = rlimit(rlim_cur: 0, rlim_max: 0)
        _ = setrlimit(Int32(RLIMIT_CORE.rawValue), &none)
        #if canImport(CGlibcMalloc)
        _ = cccd_set_not_dumpable()
        #endif
    }

    /// Whether the process may dump core / be attached to (for `cccd doctor` and tests).
    public static var isDumpable: Bool {
        #if canImport(CGlibcMalloc)
        return cccd_is_dumpable() != 0
        #else
        return true
        #endif
    }
}
