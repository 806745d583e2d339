import CCCDTransport
import Foundation

/// Passes exchanges through and counts them: number of APDUs and bytes each way (for the read
/// benchmark and the strategy tests).
public final class CountingTransport: CardTransport, @unchecked Sendable {
    private let inner: any CardTransport
    private let lock = NSLock()
    private var counts = Counts()

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
        lock.withLock {
            counts.exchanges += 1
            counts.bytesSent += command.count
            counts.bytesReceived += response.count
            if command.count > 1 { counts.instructions.append(command[1]) }
        }
        return response
    }

    public var current: Counts { lock.withLock { counts } }
}

/// Throws ``CardTransportError/cardRemoved`` for chosen exchanges (and powers the card off, as a
/// real removal does): tag loss in tests.
public final class FaultInjectingTransport: CardTransport, @unchecked Sendable {
    private let inner: any CardTransport
    private let lock = NSLock()
    private let shouldFail: @Sendable (_ command: [UInt8], _ index: Int) -> Bool
    private let onFailure: @Sendable () -> Void
    private var index = 0

    public init(wrapping inner: any CardTransport, onFailure: @escaping @Sendable () -> Void = {},
                shouldFail: @escaping @Sendable (_ command: [UInt8], _ index: Int) -> Bool)
    {
        self.inner = inner
        self.shouldFail = shouldFail
        self.onFailure = onFailure
    }

    public func transmit(_ command: [UInt8]) async throws -> [UInt8] {
        let fail = lock.withLock { () -> Bool in
            defer { index += 1 }
            return shouldFail(command, index)
        }
        if fail {
            onFailure()
            throw CardTransportError.cardRemoved
        }
        return try await inner.transmit(command)
    }
}
