import CCCDProtocols
import CCCDTransport
import Foundation

/// The counts behind ``ReadStatistics`` across every connection of one read: exchanges, access
/// control runs, and the secure channels opened (which count their status words without DO'99').
final class ReadCounters: @unchecked Sendable {
    private let lock = NSLock()
    private var exchangeCount = 0
    private var accessRuns = 0
    private var channels: [SecureChannel] = []

    func countExchange() { lock.withLock { exchangeCount += 1 } }

    func countAccessRun(_ channel: SecureChannel?) {
        lock.withLock {
            accessRuns += 1
            if let channel { channels.append(channel) }
        }
    }

    /// The statistics so far; `reader` adds what only the file reader knows.
    func statistics(reader: FileReader) async -> ReadStatistics {
        let (exchanges, runs, channels) = lock.withLock { (exchangeCount, accessRuns, self.channels) }
        var unauthenticated = 0
        for channel in channels { unauthenticated += await channel.unauthenticatedStatusWords }
        return ReadStatistics(
            exchanges: exchanges, restarts: max(0, runs - 1), secureMessagingAborts: await reader.sessionAborts,
            unauthenticatedStatusWords: unauthenticated, shortFileIdentifiersRefused: await reader.shortFileIdentifiersRefused)
    }
}

/// Counts every exchange of a connection into ``ReadCounters`` (transcript notes pass through).
struct ExchangeCountingTransport: TranscriptAnnotating {
    let inner: any CardTransport
    let counters: ReadCounters

    func transmit(_ command: [UInt8]) async throws -> [UInt8] {
        counters.countExchange()
        return try await inner.transmit(command)
    }

    func annotateLastExchange(_ note: String) {
        inner.annotateLastExchangeIfRecorded(note)
    }
}
