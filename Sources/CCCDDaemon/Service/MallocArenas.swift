#if canImport(CGlibcMalloc)
import CGlibcMalloc
#endif
import Foundation

/// glibc gives every thread that allocates under contention an arena of its own (up to 8 per
/// core) and keeps their freed pages. A long-running daemon with NIO, Dispatch and Swift
/// concurrency threads then grows its RSS in steps (seen in the soak test, scripts/soak.sh) with
/// no leak behind it. Two arenas keep the footprint flat at no measurable cost for this load.
public enum MallocArenas {
    public static let daemonLimit: Int32 = 2

    /// Limits the arenas unless the operator chose a value with `MALLOC_ARENA_MAX`.
    public static func limitForDaemon() {
        #if canImport(CGlibcMalloc)
        guard ProcessInfo.processInfo.environment["MALLOC_ARENA_MAX"] == nil else { return }
        _ = mallopt(M_ARENA_MAX, daemonLimit)
        #endif
    }
}
