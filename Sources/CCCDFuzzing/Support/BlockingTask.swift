import CCCDPrimitives
import Foundation

/// Runs async code to completion from the synchronous fuzz entry point.
///
/// The task starts on an executor that runs its jobs inline on the calling thread, so async code
/// that never really suspends (the scripted card answers at once) completes before `run` waits:
/// no thread hand-off per input, which on a loaded machine costs a scheduler round trip each.
/// Anything that does suspend resumes on the global pool while the caller waits.
enum BlockingTask {
    static func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) -> Result<T, any Error> {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        let work: @Sendable () async -> Void = {
            do { box.set(.success(try await body())) } catch { box.set(.failure(error)) }
            done.signal()
        }
        if #available(macOS 15, *) {
            Task(executorPreference: InlineTaskExecutor.shared, operation: work)
        } else {
            Task(operation: work)
        }
        done.wait()
        return box.get()
    }
}

/// Runs each job synchronously on the thread that enqueues it.
@available(macOS 15, *)
private final class InlineTaskExecutor: TaskExecutor {
    static let shared = InlineTaskExecutor()

    func enqueue(_ job: consuming ExecutorJob) {
        job.runSynchronously(on: asUnownedTaskExecutor())
    }
}

private final class ResultBox<T: Sendable>: @unchecked Sendable {
    private let result = LockedBox<Result<T, any Error>?>(nil)
    func set(_ value: Result<T, any Error>) { result.withLock { $0 = value } }
    func get() -> Result<T, any Error> { result.withLock { $0! } }
}
