import CCCDPrimitives
import Foundation

/// A transport whose exchange can be given up on: after a timeout the caller stops waiting and
/// asks the transport to drop the connection once the stuck exchange ends (PC/SC cannot interrupt
/// a running SCardTransmit: SCardCancel only ends SCardGetStatusChange, and SCardDisconnect waits
/// for the transmit). A later connection then starts afresh.
public protocol AbandonableTransport: CardTransport {
    /// Marks the connection dead: exchanges still running may finish, nothing new is sent, and the
    /// handle is closed as soon as it is idle. Must not block.
    func abandon()
}

/// Bounds each exchange of the wrapped transport: a card that stays silent longer than `limit`
/// gets ``CardTransportError/timeout`` (the wrapped transport is abandoned when it supports that),
/// never a hang. Cancellation of the calling task ends the wait too.
public struct TimeLimitedTransport: TranscriptAnnotating {
    public let inner: any CardTransport
    public let limit: Duration

    public init(wrapping inner: any CardTransport, limit: Duration) {
        self.inner = inner
        self.limit = limit
    }

    public func annotateLastExchange(_ note: String) {
        inner.annotateLastExchangeIfRecorded(note)
    }

    public func transmit(_ command: [UInt8]) async throws -> [UInt8] {
        let race = ExchangeRace()
        let inner = self.inner
        let limit = self.limit
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<[UInt8], any Error>) in
                race.start(continuation)
                let work = Task {
                    do {
                        race.finish(.success(try await inner.transmit(command)))
                    } catch {
                        race.finish(.failure(error))
                    }
                }
                let timer = Task {
                    try? await Task.sleep(for: limit)
                    if race.finish(.failure(CardTransportError.timeout)) {
                        work.cancel()
                        (inner as? any AbandonableTransport)?.abandon()
                    }
                }
                race.onEnd { work.cancel(); timer.cancel() }
            }
        } onCancel: {
            race.finish(.failure(CancellationError()))
        }
    }
}

/// The first of {answer, timeout, cancellation} resumes the caller; the others are ignored.
private final class ExchangeRace: @unchecked Sendable {
    private struct State {
        var continuation: CheckedContinuation<[UInt8], any Error>?
        var pending: Result<[UInt8], any Error>?
        var done = false
        var cleanup: (@Sendable () -> Void)?
    }

    private let state = LockedBox(State())

    func start(_ continuation: CheckedContinuation<[UInt8], any Error>) {
        let early = state.withLock { (state) -> Result<[UInt8], any Error>? in
            if let pending = state.pending { return pending }
            state.continuation = continuation
            return nil
        }
        if let early { continuation.resume(with: early) }
    }

    /// Runs `body` when the race ends (at once if it already has).
    func onEnd(_ body: @escaping @Sendable () -> Void) {
        let ended = state.withLock { (state) -> Bool in
            if state.done { return true }
            state.cleanup = body
            return false
        }
        if ended { body() }
    }

    /// Returns true when this result won.
    @discardableResult
    func finish(_ result: Result<[UInt8], any Error>) -> Bool {
        let (won, continuation, cleanup) = state.withLock {
            (state) -> (Bool, CheckedContinuation<[UInt8], any Error>?, (@Sendable () -> Void)?) in
            guard !state.done else { return (false, nil, nil) }
            state.done = true
            let c = state.continuation
            state.continuation = nil
            if c == nil { state.pending = result }
            let cleanup = state.cleanup
            state.cleanup = nil
            return (true, c, cleanup)
        }
        guard won else { return false }
        continuation?.resume(with: result)
        cleanup?()
        return true
    }
}
