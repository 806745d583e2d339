import CCCDTransport
import Foundation
import Testing

/// The per-exchange timeout: a silent card gives a typed `timeout` (and the transport is
/// abandoned), an answer in time passes through, errors pass through, cancellation ends the wait.
/// No wall-clock bounds: a silent card here stays silent until the test releases it.
@Suite struct TimeLimitedTransportTests {
    /// A card that answers at once, fails, or stays silent until `release()`: cancellably (like the
    /// in-process card) or not (like a blocked SCardTransmit). Records abandon() and completions.
    final class ScriptedTransport: AbandonableTransport, @unchecked Sendable {
        enum Behaviour { case answer, fail(CardTransportError), silentCancellable, silentBlocking }
        let behaviour: Behaviour
        private let lock = NSLock()
        private var abandoned = 0
        private var completed = 0
        private let gate = DispatchSemaphore(value: 0)

        init(_ behaviour: Behaviour) { self.behaviour = behaviour }

        var abandonCount: Int { lock.withLock { abandoned } }
        var completions: Int { lock.withLock { completed } }
        func abandon() { lock.withLock { abandoned += 1 } }
        func release() { gate.signal() }

        func transmit(_ command: [UInt8]) async throws -> [UInt8] {
            defer { lock.withLock { completed += 1 } }
            switch behaviour {
            case .answer: break
            case .fail(let error): throw error
            case .silentCancellable: try await Task.sleep(for: .seconds(3600))
            case .silentBlocking:
                // Blocks a thread like SCardTransmit; cancellation cannot reach it.
                let gate = self.gate
                await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                    DispatchQueue.global().async {
                        gate.wait()
                        done.resume()
                    }
                }
            }
            return command + [0x90, 0x00]
        }
    }

    @Test func answerInTimePassesThrough() async throws {
        let inner = ScriptedTransport(.answer)
        let transport = TimeLimitedTransport(wrapping: inner, limit: .seconds(600))
        #expect(try await transport.transmit([1, 2]) == [1, 2, 0x90, 0x00])
        #expect(inner.abandonCount == 0)
    }

    @Test func errorsPassThrough() async throws {
        let transport = TimeLimitedTransport(wrapping: ScriptedTransport(.fail(.cardRemoved)), limit: .seconds(600))
        await #expect(throws: CardTransportError.cardRemoved) { try await transport.transmit([1]) }
    }

    @Test func silenceBeyondTheLimitIsATypedTimeout() async throws {
        let inner = ScriptedTransport(.silentCancellable)
        let transport = TimeLimitedTransport(wrapping: inner, limit: .milliseconds(100))
        await #expect(throws: CardTransportError.timeout) { try await transport.transmit([1]) }
        #expect(inner.abandonCount == 1)
    }

    /// The caller gets the timeout while the exchange itself is still stuck.
    @Test func aStuckExchangeIsLeftBehind() async throws {
        let inner = ScriptedTransport(.silentBlocking)
        let transport = TimeLimitedTransport(wrapping: inner, limit: .milliseconds(100))
        await #expect(throws: CardTransportError.timeout) { try await transport.transmit([1]) }
        #expect(inner.completions == 0 && inner.abandonCount == 1)
        inner.release()
    }

    @Test func cancellationEndsTheWait() async throws {
        let inner = ScriptedTransport(.silentBlocking)
        let transport = TimeLimitedTransport(wrapping: inner, limit: .seconds(600))
        let task = Task { try await transport.transmit([1]) }
        try await Task.sleep(for: .milliseconds(50))
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(inner.completions == 0 && inner.abandonCount == 0)
        inner.release()
    }
}
