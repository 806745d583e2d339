import CCCDChipAuthentication
import CCCDPrimitives
import CCCDProtocols
import CCCDTransport
import CCCDVerification
import Foundation

/// The counts behind ``ReadStatistics`` across every connection of one read: exchanges, access
/// control runs, and the secure channels opened (which count their status words without DO'99').
final class ReadCounters: @unchecked Sendable {
    private struct State {
        var exchangeCount = 0
        var accessRuns = 0
        var channels: [SecureChannel] = []
        var lastPACEChipAuthentication: PACECAMVerifier.ChipData?
        var profileReport: ReaderProfileReport?
    }

    private let state = LockedBox(State())

    /// The reader profile the read started with (set when the reads are sized).
    var readerProfile: ReaderProfileReport? {
        get { state.withLock { $0.profileReport } }
        set { state.withLock { $0.profileReport = newValue } }
    }

    func countExchange() { state.withLock { $0.exchangeCount += 1 } }

    /// One access-control run; `pace` is its PACE result, if PACE ran (a later run replaces the
    /// PACE-CAM data of an earlier one: the live session is the last one's).
    func countAccessRun(_ channel: SecureChannel?, pace: PACEResult? = nil) {
        state.withLock { state in
            state.accessRuns += 1
            if let channel { state.channels.append(channel) }
            state.lastPACEChipAuthentication = pace.flatMap { $0.algorithm.mapping == .chipAuthentication ? .init($0) : nil }
        }
    }

    /// PACE-CAM's chip data from the last access-control run, nil when it was not PACE-CAM.
    var paceChipAuthentication: PACECAMVerifier.ChipData? { state.withLock { $0.lastPACEChipAuthentication } }

    /// The statistics so far; `reader` adds what only the file reader knows.
    func statistics(reader: FileReader) async -> ReadStatistics {
        let (exchanges, runs, channels) = state.withLock { ($0.exchangeCount, $0.accessRuns, $0.channels) }
        var unauthenticated = 0
        for channel in channels { unauthenticated += await channel.unauthenticatedStatusWords }
        let limits = await reader.currentLimits
        return ReadStatistics(
            exchanges: exchanges, restarts: max(0, runs - 1), secureMessagingAborts: await reader.sessionAborts,
            unauthenticatedStatusWords: unauthenticated, shortFileIdentifiersRefused: await reader.shortFileIdentifiersRefused,
            lengthRetries: await reader.lengthRetries, extendedLength: limits.extendedLength, readerProfile: readerProfile,
            learnedReaderProfile: await reader.extendedLengthRefused ? ReaderProfile(extendedLength: false) : nil)
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
