import Foundation

/// Face work started ahead of need on a thread of its own (the chip photo's template while the card
/// read goes on, the live frames while the card is still being read): wait for it when the other half
/// is ready. Safe to share; any number of waiters.
public final class PendingFaceResult<Value: Sendable>: @unchecked Sendable {
    // Guarded by `condition`: the outcome once the work is done, the async waiters until then.
    private let condition = NSCondition()
    private var outcome: Result<Value, FaceError>?
    private var waiters: [CheckedContinuation<Result<Value, FaceError>, Never>] = []

    /// How the started work shares the CPU with the rest of the process.
    public enum Priority: Sendable {
        /// A global queue's thread, like any other work.
        case normal
        /// A thread of its own at nice ``backgroundNiceness``: work done ahead of need (the daemon's
        /// chip template during a read) yields to the reads and requests running meanwhile, and still
        /// gets a whole core when nothing else wants it. (libdispatch's QoS does not change a Linux
        /// thread's priority, and a pooled thread, once lowered, could not be raised again without
        /// CAP_SYS_NICE: hence a thread that ends with the work.)
        case background
    }

    /// The nice value of ``Priority/background`` work (0 is normal, 19 the lowest).
    public static var backgroundNiceness: Int32 { 10 }

    /// Starts `work` now, off the cooperative thread pool (it is blocking CPU work).
    public init(priority: Priority = .normal, _ work: @escaping @Sendable () -> Result<Value, FaceError>) {
        switch priority {
        case .normal:
            DispatchQueue.global(qos: .userInitiated).async { self.finish(work()) }
        case .background:
            let thread = Thread {
                #if os(Linux)
                    // Linux keeps the nice value per thread: `who` 0 is this thread alone. A failure
                    // leaves it at normal.
                    _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, Self.backgroundNiceness)
                #endif
                self.finish(work())
            }
            thread.name = "cccd-face-background"
            thread.start()
        }
    }

    /// A result that is already known (e.g. the work could not start).
    public init(finished result: Result<Value, FaceError>) {
        outcome = result
    }

    private func finish(_ result: Result<Value, FaceError>) {
        condition.lock()
        outcome = result
        let resumed = waiters
        waiters = []
        condition.broadcast()
        condition.unlock()
        for waiter in resumed { waiter.resume(returning: result) }
    }

    /// Whether the work has finished.
    public var isFinished: Bool {
        condition.lock()
        defer { condition.unlock() }
        return outcome != nil
    }

    /// Blocks the calling thread until the work has finished.
    public func wait() -> Result<Value, FaceError> {
        condition.lock()
        defer { condition.unlock() }
        while outcome == nil { condition.wait() }
        return outcome!
    }

    /// Suspends until the work has finished (never blocks a thread).
    public func value() async -> Result<Value, FaceError> {
        await withCheckedContinuation { continuation in
            condition.lock()
            if let outcome {
                condition.unlock()
                continuation.resume(returning: outcome)
            } else {
                waiters.append(continuation)
                condition.unlock()
            }
        }
    }
}

extension FaceEngine {
    /// Starts decoding `encoded` (the chip photo: JPEG or JPEG 2000) and computing its template on
    /// another thread, e.g. as soon as DG2 has been read while the read goes on.
    public func startTemplate(encoded: [UInt8]) -> PendingFaceResult<FaceTemplate> {
        PendingFaceResult { Result { () throws(FaceError) in try self.template(for: FaceImage(encoded: encoded)) } }
    }

    /// Starts decoding the live frames (in parallel; the first frame that cannot be decoded is the
    /// error), scoring them for presentation attacks and computing the best frame's template on
    /// another thread.
    public func startLiveCapture(encodedFrames: [[UInt8]], pad: PresentationAttackDetector)
        -> PendingFaceResult<PreparedLiveCapture>
    {
        PendingFaceResult {
            Result { () throws(FaceError) in
                let decoded = Self.parallelMap(encodedFrames) { bytes in
                    Result { () throws(FaceError) in try FaceImage(encoded: bytes) }
                }
                let frames = try decoded.map { (frame) throws(FaceError) -> FaceImage in try frame.get() }
                return try self.prepare(liveFrames: frames, pad: pad)
            }
        }
    }

    /// Compares a chip template that is being computed with a live capture that is being prepared,
    /// once both are ready; the live capture's error comes first (as in `compare(chip:liveFrames:pad:)`).
    public func compare(chip: PendingFaceResult<FaceTemplate>, live: PendingFaceResult<PreparedLiveCapture>)
        async
        throws(FaceError) -> LiveCaptureComparison
    {
        let prepared = try await live.value().get()
        let template = try await chip.value().get()
        return try compare(chipTemplate: template, live: prepared)
    }
}
