import CCCDPrimitives
import CCCDTransport

/// Passes exchanges through and counts them: number of APDUs and bytes each way (for the read
/// benchmark and the strategy tests).
public final class CountingTransport: CardTransport, @unchecked Sendable {
    private let inner: any CardTransport
    private let counts = LockedBox(Counts())

    /// What went over the wire.
    public struct Counts: Sendable, Equatable {
        public var exchanges = 0
        public var bytesSent = 0
        public var bytesReceived = 0
        /// INS bytes of the commands, in order.
        public var instructions: [UInt8] = []
    }

    public init(wrapping inner: any CardTransport) {
        self.inner = inner
    }

    public func transmit(_ command: [UInt8]) async throws -> [UInt8] {
        let response = try await inner.transmit(command)
        counts.withLock { counts in
            counts.exchanges += 1
            counts.bytesSent += command.count
            counts.bytesReceived += response.count
            if command.count > 1 { counts.instructions.append(command[1]) }
        }
        return response
    }

    public var current: Counts { counts.withLock { $0 } }
}
