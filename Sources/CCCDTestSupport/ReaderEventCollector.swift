import CCCDPrimitives
import CCCDTransport

/// Collects PC/SC reader events in the background so a test can wait for one.
public final class ReaderEventCollector: @unchecked Sendable {
    private let state = LockedBox((events: [ReaderEvent](), failure: Error?.none))
    private var task: Task<Void, Never>?

    public init(initialSnapshot: Bool = true) {
        task = Task { [weak self] in
            do {
                for try await event in PCSCReaderMonitor.events(initialSnapshot: initialSnapshot) {
                    self?.state.withLock { $0.events.append(event) }
                }
            } catch {
                self?.state.withLock { $0.failure = error }
            }
        }
    }

    deinit { task?.cancel() }

    public func stop() { task?.cancel() }

    /// Everything seen so far.
    public var seen: [ReaderEvent] { state.withLock { $0.events } }

    /// Waits until an event matching `predicate` arrives (counting those already seen after
    /// position `after`), or throws after `timeout`.
    @discardableResult
    public func waitFor(after: Int = 0, timeout: Duration = .seconds(30), _ predicate: (ReaderEvent) -> Bool)
        async throws -> ReaderEvent
    {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let (snapshot, error) = state.withLock { ($0.events, $0.failure) }
            if let error { throw error }
            if let match = snapshot.dropFirst(after).first(where: predicate) { return match }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw CardTransportError.timeout
    }
}
