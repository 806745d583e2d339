import CCCDKit
import CCCDTestSupport
import CCCDVirtualCard
import Foundation
import Testing

/// Whole read sessions recorded against the virtual card (TestVectors/transcripts/read-*.jsonl)
/// and replayed without pcscd: the replay must send the same commands and give the same result.
/// `CCCD_RECORD_TRANSCRIPTS=1` re-records them (deterministic: fixed randomness, no timestamps).
@Suite struct ReadTranscripts {
    struct Session: Sendable, CustomTestStringConvertible {
        var name: String
        var profile: CardProfile
        var access: AccessInput
        var testDescription: String { name }
    }

    static let sessions: [Session] = [
        Session(name: "read-plain-extended", profile: .extended, access: .none),
        Session(name: "read-plain-short", profile: .shortOnly, access: .none),
    ]

    static let cccd = SyntheticCCCD(photoSize: 6_000)

    static func url(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("TestVectors/transcripts/\(name).jsonl")
    }

    static func options() -> ReadOptions {
        ReadOptions(dataGroups: [.dg1, .dg2, .dg13, .dg14, .dg15], verifier: nil)
    }

    static func record(_ session: Session) async throws {
        let card = VirtualCard(profile: session.profile, fileSystem: cccd.fileSystem())
        let recorder = RecordingTransport(
            wrapping: VirtualCardTransport(card: card),
            header: .init(atr: card.atr, reader: "in-process virtual card", created: nil,
                          note: "cccd read of the synthetic CCCD, \(session.name)"))
        let connector = ClosureCardConnector { _ in CardConnection(transport: recorder, atr: card.atr) }
        _ = try await CardReader().read(connector: connector, access: session.access, options: options()).result()
        var transcript = recorder.recorded
        // Timestamps would change on every recording; the index keeps the order.
        for i in transcript.exchanges.indices { transcript.exchanges[i].t = 0 }
        try transcript.jsonLines().write(to: url(session.name), atomically: true, encoding: .utf8)
    }

    @Test(arguments: sessions)
    func replayReproducesTheRead(_ session: Session) async throws {
        if ProcessInfo.processInfo.environment["CCCD_RECORD_TRANSCRIPTS"] == "1" { try await Self.record(session) }
        let transcript = try Transcript(contentsOf: Self.url(session.name))
        let replay = ReplayTransport(transcript)
        let atr = try #require(replay.atr)
        let connector = ClosureCardConnector { _ in CardConnection(transport: replay, atr: atr) }
        let result = try await CardReader().read(connector: connector, access: session.access, options: Self.options())
            .result()
        try replay.assertFinished()
        #expect(result.rawFiles[.dataGroup(.dg2)] == Self.cccd.dg2)
        #expect(result.rawFiles[.dataGroup(.dg13)] == Self.cccd.dg13)
        #expect(result.rawFiles[.com] == Self.cccd.com && result.rawFiles[.sod] == Self.cccd.sod)
        #expect(result.citizen?.fullName == Self.cccd.fullName)
        #expect(result.photo?.sha256 == ReadingStrategy.sha256Hex(Self.cccd.photo))
    }
}
