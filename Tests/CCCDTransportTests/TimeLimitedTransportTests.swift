import CCCDTransport
import Foundation
import Testing

/// The per-exchange timeout: a silent card gives a typed `timeout` (and the transport is
/// abandoned), an answer in time passes through, errors pass through, cancellation ends the wait.
@Suite struct TimeLimitedTransportTests {
    /// Answers after `delay` (cancellable when `honoursCancellation`, like the in-process card;
    /// not, like a blocked SCardTransmit), records abandon().
    final class SlowTransport: AbandonableTransport, @unchecked Sendable {
        let delay: Duration
        let honoursCancellation: Bool
        let failure: CardTransportError?
        private let lock = NSLock()
        private var abandoned = 0

        init(delay: Duration, honoursCancellation: Bool = true, failure: CardTransportError? = nil) {
            self.delay = delay
            self.honoursCancellation = honoursCancellation
            self.failure = failure
        }

        var abandonCount: Int { lock.withLock { abandoned } }
        func abandon() { lock.withLock { abandoned += 1 } }

        func transmit(_ command: [UInt8]) async throws -> [UInt8] {
            if honoursCancellation {
                try await Task.sleep(for: delay)
            } else {
                // Blocks its thread like SCardTransmit does; cancellation cannot reach it.
                let seconds = Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18
                await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                    DispatchQueue.global().async {
                        usleep(UInt32(seconds * 1_000_000))
                        done.resume()
                    }
                }
            }
            if let failure { throw failure }
            return command + [0x90, 0x00]
        }
    }

    @Test func answerInTimePassesThrough() async throws {
        let inner = SlowTransport(delay: .milliseconds(10))
        let transport = TimeLimitedTransport(wrapping: inner, limit: .seconds(5))
        #expect(try await transport.transmit([1, 2]) == [1, 2, 0x90, 0x00])
        #expect(inner.abandonCount == 0)
    }

    @Test func errorsPassThrough() async throws {
        let transport = TimeLimitedTransport(wrapping: SlowTransport(delay: .zero, failure: .cardRemoved), limit: .seconds(5))
        await #expect(throws: CardTransportError.cardRemoved) { try await transport.transmit([1]) }
    }

    @Test(arguments: [true, false])
    func silenceBeyondTheLimitIsATypedTimeout(honoursCancellation: Bool) async throws {
        let inner = SlowTransport(delay: .seconds(3), honoursCancellation: honoursCancellation)
        let transport = TimeLimitedTransport(wrapping: inner, limit: .milliseconds(200))
        let start = ContinuousClock.now
        await #expect(throws: CardTransportError.timeout) { try await transport.transmit([1]) }
        // The caller is released at the limit even when the exchange itself cannot be interrupted.
        #expect(ContinuousClock.now - start < .seconds(2))
        #expect(inner.abandonCount == 1)
    }

    @Test func cancellationEndsTheWait() async throws {
        let inner = SlowTransport(delay: .seconds(3), honoursCancellation: false)
        let transport = TimeLimitedTransport(wrapping: inner, limit: .seconds(30))
        let task = Task { try await transport.transmit([1]) }
        try await Task.sleep(for: .milliseconds(100))
        let start = ContinuousClock.now
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(ContinuousClock.now - start < .seconds(2))
        #expect(inner.abandonCount == 0)
    }
}
