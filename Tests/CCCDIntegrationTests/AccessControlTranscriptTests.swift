import CCCDCrypto
import CCCDKit
import CCCDProtocols
import CCCDTransport
import CCCDVirtualCard
import Foundation
import Testing

/// A deterministic generator (SplitMix64) for both sides of a recorded session: the reader's
/// ``RandomSource`` and the chip's ``ChipRandomSource``. Not for production: fixed seeds make the
/// nonces, challenges and ephemeral keys — and so every encrypted APDU — the same on each run.
final class SeededRandom: RandomSource, ChipRandomSource, @unchecked Sendable {
    private let lock = NSLock()
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    private func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    func randomBytes(_ count: Int) throws(CryptoError) -> [UInt8] {
        lock.withLock {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(count + 8)
            while bytes.count < count { withUnsafeBytes(of: next().bigEndian) { bytes += $0 } }
            return Array(bytes.prefix(count))
        }
    }
}

/// Full sessions with access control against the default data set's chip (DataSetChip), recorded
/// in-process with fixed randomness on both sides into TestVectors/transcripts/read-{pace,bac}-default.jsonl
/// and replayed without pcscd. `CCCD_RECORD_TRANSCRIPTS=1` re-records them.
@Suite struct ReadTranscriptsWithAccessControl {
    struct Session: Sendable, CustomTestStringConvertible {
        var name: String
        var adjustments: DataSetChip.Adjustments
        var access: AccessInput
        var expectedProtocol: String
        var testDescription: String { name }
    }

    static let chipSeed: UInt64 = 0xC41F
    static let readerSeed: UInt64 = 0x4EAD

    static let sessions: [Session] = [
        Session(name: "read-pace-default", adjustments: .none, access: .can("012345"), expectedProtocol: "PACE"),
        Session(name: "read-bac-default", adjustments: .init(withoutPACE: true),
                access: .mrz("190012345,900815,300815"), expectedProtocol: "BAC"),
    ]

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let dataSet = repository.appendingPathComponent("TestVectors/datasets/default")

    static func url(_ name: String) -> URL {
        repository.appendingPathComponent("TestVectors/transcripts/\(name).jsonl")
    }

    static func options(readerSeed: UInt64 = readerSeed) -> ReadOptions {
        ReadOptions(dataGroups: [.dg1, .dg2, .dg13, .dg14, .dg15], random: SeededRandom(seed: readerSeed), verifier: nil)
    }

    /// Reads the data set's chip in-process and returns the result and the transcript, as JSON Lines.
    static func record(_ session: Session) async throws -> (result: CardReadResult, jsonLines: String) {
        let card = try DataSetChip.load(dataSet, adjustments: session.adjustments, random: SeededRandom(seed: chipSeed))
        let recorder = RecordingTransport(
            wrapping: VirtualCardTransport(card: card),
            header: .init(atr: card.atr, reader: "in-process virtual card", created: nil,
                          note: "cccd read of TestVectors/datasets/default, \(session.name), fixed randomness"))
        let connector = ClosureCardConnector { _ in CardConnection(transport: recorder, atr: card.atr) }
        let result = try await CardReader().read(connector: connector, access: session.access, options: options()).result()
        var transcript = recorder.recorded
        for i in transcript.exchanges.indices { transcript.exchanges[i].t = 0 }
        return (result, transcript.jsonLines())
    }

    static func replay(_ session: Session, readerSeed: UInt64 = readerSeed) async throws
        -> (result: CardReadResult, replay: ReplayTransport)
    {
        let transcript = try Transcript(contentsOf: url(session.name))
        let replay = ReplayTransport(transcript)
        let atr = try #require(replay.atr)
        let connector = ClosureCardConnector { _ in CardConnection(transport: replay, atr: atr) }
        let result = try await CardReader().read(
            connector: connector, access: session.access, options: options(readerSeed: readerSeed)).result()
        return (result, replay)
    }

    static func fields(_ result: CardReadResult) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return String(decoding: try encoder.encode(result), as: UTF8.self)
    }

    @Test(arguments: sessions)
    func replayReproducesTheRead(_ session: Session) async throws {
        let live = try await Self.record(session)
        if ProcessInfo.processInfo.environment["CCCD_RECORD_TRANSCRIPTS"] == "1" {
            try live.jsonLines.write(to: Self.url(session.name), atomically: true, encoding: .utf8)
        }
        let (result, replay) = try await Self.replay(session)
        try replay.assertFinished()
        #expect(result.access.protocol == session.expectedProtocol)
        #expect(try Self.fields(result) == Self.fields(live.result))
        #expect(result.rawFiles == live.result.rawFiles)
        #expect(result.photo?.sha256 != nil && result.photo?.sha256 == live.result.photo?.sha256)
        // The files are the data set's, byte for byte.
        let names: [(LDSFile, String)] = [(.com, "EF.COM"), (.sod, "EF.SOD"), (.dataGroup(.dg1), "DG1"),
                                          (.dataGroup(.dg2), "DG2"), (.dataGroup(.dg13), "DG13"),
                                          (.dataGroup(.dg14), "DG14"), (.dataGroup(.dg15), "DG15")]
        for (file, name) in names {
            let onDisk = try [UInt8](Data(contentsOf: Self.dataSet.appendingPathComponent("\(name).bin")))
            #expect(result.rawFiles[file] == onDisk, "\(name)")
        }
    }

    @Test(arguments: sessions)
    func reRecordingIsByteIdentical(_ session: Session) async throws {
        let live = try await Self.record(session)
        let committed = try String(contentsOf: Self.url(session.name), encoding: .utf8)
        #expect(live.jsonLines == committed)
    }

    @Test(arguments: sessions)
    func replayWithOtherRandomnessDiverges(_ session: Session) async throws {
        let transcript = try Transcript(contentsOf: Self.url(session.name))
        let replay = ReplayTransport(transcript)
        let atr = try #require(replay.atr)
        let connector = ClosureCardConnector { _ in CardConnection(transport: replay, atr: atr) }
        await #expect(throws: (any Error).self) {
            _ = try await CardReader().read(
                connector: connector, access: session.access, options: Self.options(readerSeed: 0xD1FF)).result()
        }
        #expect {
            try replay.assertFinished()
        } throws: { error in
            if case ReplayError.divergence = error { return true }
            return false
        }
    }
}
