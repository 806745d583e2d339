import CCCDPrimitives
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// OpenBLAS's thread count. dlib's ResNet descriptor runs its convolutions as many small matrix
/// products: a second OpenBLAS thread does not make one descriptor faster on 2 cores (26 ms either
/// way) but keeps the other core busy spinning, so the work meant to run beside it (the PAD models,
/// the other photo's template, the card read) waits for it; on a loaded machine its spin-waits
/// stretched single descriptors past a second. So OpenBLAS gets one thread and the parallelism comes
/// from running the stages side by side (docs/face.md, "Speed of the live half"). A deployment that sets
/// OPENBLAS_NUM_THREADS (or GOTO_/OMP_NUM_THREADS) keeps its choice.
enum BLASThreads {
    /// The variables OpenBLAS reads its thread count from at start-up.
    static let environmentVariables = ["OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS"]

    // Whether the count has been set (or left to the environment) in this process.
    private static let settled = LockedBox(false)

    /// Sets OpenBLAS to one thread, once per process, unless the environment chose a count. Called
    /// when models load; if OpenBLAS is not loaded yet (or is not the BLAS in use), the next load
    /// tries again.
    static func configure() {
        settled.withLock { settled in
            guard !settled else { return }
            let environment = ProcessInfo.processInfo.environment
            if environmentVariables.contains(where: { !(environment[$0] ?? "").isEmpty }) {
                settled = true
            } else if let set = function("openblas_set_num_threads", as: (@convention(c) (Int32) -> Void).self) {
                set(1)
                settled = true
            }
        }
    }

    /// OpenBLAS's thread count now, nil when the BLAS in use is not OpenBLAS.
    static func current() -> Int? {
        function("openblas_get_num_threads", as: (@convention(c) () -> Int32).self).map { Int($0()) }
    }

    /// A function of the OpenBLAS already loaded with dlib (never loads a library itself).
    private static func function<F>(_ name: String, as type: F.Type) -> F? {
        for library in ["libopenblas.so.0", "libblas.so.3"] {
            guard let handle = dlopen(library, RTLD_LAZY | RTLD_NOLOAD) else { continue }
            defer { dlclose(handle) }
            if let symbol = dlsym(handle, name) { return unsafeBitCast(symbol, to: type) }
        }
        return dlsym(nil, name).map { unsafeBitCast($0, to: type) }  // RTLD_DEFAULT
    }
}

extension FaceEngine {
    /// OpenBLAS's thread count once the models are loaded (1 unless the environment chose), nil when
    /// the BLAS in use is not OpenBLAS or no models were loaded yet.
    public static var blasThreads: Int? { BLASThreads.current() }
}
