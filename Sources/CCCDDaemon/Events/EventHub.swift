import CCCDPrimitives
import Foundation


/// Fans daemon events out to every connected event-stream client. A slow client loses its oldest
/// events (bounded buffer) instead of slowing the readers down.
public final class EventHub: Sendable {
    private let subscribers = LockedBox<[UUID: AsyncStream<DaemonEvent>.Continuation]>([:])
    private let closed = LockedBox(false)

    public init() {}

    /// A new subscription; it ends when the client goes away or the daemon shuts down.
    public func subscribe() -> AsyncStream<DaemonEvent> {
        // Without a limit a subscription always succeeds.
        subscribe(limit: .max)!
    }

    /// A new subscription, or `nil` when `limit` streams are already open.
    public func subscribe(limit: Int) -> AsyncStream<DaemonEvent>? {
        let id = UUID()
        let (stream, continuation) = AsyncStream<DaemonEvent>.makeStream(bufferingPolicy: .bufferingNewest(1024))
        continuation.onTermination = { [weak self] _ in
            _ = self?.subscribers.withLock { $0.removeValue(forKey: id) }
        }
        let isClosed = closed.withLock { $0 }
        if isClosed {
            continuation.finish()
        } else {
            let added = subscribers.withLock { current -> Bool in
                guard current.count < limit else { return false }
                current[id] = continuation
                return true
            }
            guard added else { return nil }
        }
        return stream
    }

    public func publish(_ event: DaemonEvent) {
        for continuation in subscribers.withLock({ Array($0.values) }) { continuation.yield(event) }
    }

    /// Sends an SSE comment to every stream: keeps proxies from closing quiet streams and lets the
    /// server notice clients that went away (their write fails and the subscription ends).
    public func heartbeat() {
        for continuation in subscribers.withLock({ Array($0.values) }) { continuation.yield(.heartbeat) }
    }

    public var subscriberCount: Int { subscribers.withLock { $0.count } }

    /// Ends every stream (graceful shutdown: open event streams must not hold the server up).
    public func finishAll() {
        closed.withLock { $0 = true }
        let all = subscribers.withLock { current -> [AsyncStream<DaemonEvent>.Continuation] in
            defer { current = [:] }
            return Array(current.values)
        }
        for continuation in all { continuation.finish() }
    }
}
