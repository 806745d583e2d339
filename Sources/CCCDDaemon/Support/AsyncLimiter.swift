import CCCDPrimitives
import Foundation

/// A counting semaphore for async work: at most `limit` holders at once; others wait in FIFO
/// order, each for at most `maximumWait`. Used to keep CPU-bound face comparisons from piling up.
final class AsyncLimiter: Sendable {
    private struct State {
        var running = 0
        var peak = 0
        var waiters: [(id: UUID, continuation: CheckedContinuation<Bool, Never>)] = []
    }

    let limit: Int
    private let maximumWait: Duration
    private let state = LockedBox(State())

    init(limit: Int, maximumWait: Duration) {
        self.limit = max(1, limit)
        self.maximumWait = maximumWait
    }

    /// The most holders seen at once since start (exported as a metric; never above `limit`).
    var peak: Int { state.withLock { $0.peak } }
    var running: Int { state.withLock { $0.running } }

    /// Runs `body` once a slot is free; `nil` when none became free within the wait.
    func run<T, E: Error>(_ body: () async throws(E) -> T) async throws(E) -> T? {
        guard await acquire() else { return nil }
        defer { release() }
        return try await body()
    }

    private func acquire() async -> Bool {
        let immediate = state.withLock { state -> Bool in
            guard state.running < limit, state.waiters.isEmpty else { return false }
            state.running += 1
            state.peak = max(state.peak, state.running)
            return true
        }
        if immediate { return true }
        if maximumWait <= .zero { return false }
        let id = UUID()
        let wait = maximumWait
        let timeout = LockedBox<Task<Void, Never>?>(nil)
        defer { timeout.withLock { $0?.cancel() } }
        return await withCheckedContinuation { continuation in
            state.withLock { $0.waiters.append((id, continuation)) }
            // Started after the waiter is queued, so giving up always finds it (or finds it served).
            timeout.withLock {
                $0 = Task { [weak self] in
                    try? await Task.sleep(for: wait)
                    if !Task.isCancelled { self?.giveUp(id) }
                }
            }
        }
    }

    private func giveUp(_ id: UUID) {
        let continuation = state.withLock { state -> CheckedContinuation<Bool, Never>? in
            guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
            return state.waiters.remove(at: index).continuation
        }
        continuation?.resume(returning: false)
    }

    private func release() {
        let next = state.withLock { state -> CheckedContinuation<Bool, Never>? in
            if state.waiters.isEmpty {
                state.running -= 1
                return nil
            }
            // The slot passes straight to the first waiter (running stays the same).
            return state.waiters.removeFirst().continuation
        }
        next?.resume(returning: true)
    }
}
