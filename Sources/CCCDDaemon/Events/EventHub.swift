import CCCDPrimitives
import Foundation


/// Fans daemon events out to the connected event-stream clients: reader events to all, the events of
/// a read only to the streams of the client that owns it. A slow client loses its oldest events
/// (bounded buffer) instead of slowing the readers down.
public final class EventHub: Sendable {
    private struct Subscriber {
        /// `nil`: sees every event (in-process use only; streams of the API always have an owner).
        var owner: String?
        var continuation: AsyncStream<DaemonEvent>.Continuation
    }

    private let subscribers = LockedBox<[UUID: Subscriber]>([:])
    private let closed = LockedBox(false)

    public init() {}

    /// A new subscription to every event; it ends when the client goes away or the daemon shuts down.
    public func subscribe() -> AsyncStream<DaemonEvent> {
        // Without a limit a subscription always succeeds.
        subscribe(limit: .max, owner: nil)!
    }

    /// A new subscription to the reader events and `owner`'s read events, or `nil` when `limit`
    /// streams are already open.
    public func subscribe(limit: Int, owner: String?) -> AsyncStream<DaemonEvent>? {
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
                current[id] = Subscriber(owner: owner, continuation: continuation)
                return true
            }
            guard added else { return nil }
        }
        return stream
    }

    /// Sends an event: to every stream when `owner` is `nil` (reader events), else only to `owner`'s.
    public func publish(_ event: DaemonEvent, owner: String? = nil) {
        let receivers = subscribers.withLock { subscribers in
            subscribers.values.filter { owner == nil || $0.owner == nil || $0.owner == owner }.map(\.continuation)
        }
        for continuation in receivers { continuation.yield(event) }
    }

    /// Sends an SSE comment to every stream: keeps proxies from closing quiet streams and lets the
    /// server notice clients that went away (their write fails and the subscription ends).
    public func heartbeat() {
        for subscriber in subscribers.withLock({ Array($0.values) }) { subscriber.continuation.yield(.heartbeat) }
    }

    public var subscriberCount: Int { subscribers.withLock { $0.count } }

    /// Ends every stream (graceful shutdown: open event streams must not hold the server up).
    public func finishAll() {
        closed.withLock { $0 = true }
        let all = subscribers.withLock { current -> [AsyncStream<DaemonEvent>.Continuation] in
            defer { current = [:] }
            return current.values.map(\.continuation)
        }
        for continuation in all { continuation.finish() }
    }
}
