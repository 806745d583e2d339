import CCCDPrimitives
import CCCDTransport
import CCCDVirtualCard
import Foundation
import Testing

@Suite struct Transcripts {
    let select: [UInt8] = [0x00, 0xA4, 0x04, 0x0C, 0x07, 0xA0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01]
    let read: [UInt8] = [0x00, 0xB0, 0x9E, 0x00, 0x04]

    func recorded() async throws -> Transcript {
        let card = VirtualCard(fileSystem: TestPatternCard.fileSystem())
        let recorder = RecordingTransport(
            wrapping: VirtualCardTransport(card: card),
            header: .init(atr: card.atr, reader: "in-process", note: "test"))
        _ = try await recorder.transmit(select)
        _ = try await recorder.transmit(read)
        var transcript = recorder.recorded
        // A transport failure as PC/SC records it (the in-process card cannot be pulled out).
        transcript.exchanges.append(
            .init(index: 2, milliseconds: transcript.exchanges[1].t + 1, command: [0x00, 0x84, 0x00, 0x00, 0x08],
                  response: nil, error: "the card was removed"))
        return transcript
    }

    @Test func recordWriteParseReplay() async throws {
        let transcript = try await recorded()
        #expect(transcript.exchanges.count == 3)
        #expect(transcript.exchanges[1].r == Hex.encode(TestPatternCard.pattern(4, seed: 0x1E) + [0x90, 0x00]))
        #expect(transcript.exchanges[2].e == "the card was removed")
        #expect(transcript.exchanges.map(\.t) == transcript.exchanges.map(\.t).sorted())

        let text = transcript.jsonLines()
        #expect(text.split(separator: "\n").count == 4)
        #expect(text.hasPrefix("{\"atr\":\"3B8580018073B421E082\""))
        let parsed = try Transcript(jsonLines: text)
        #expect(parsed == transcript)

        let replay = ReplayTransport(parsed)
        #expect(replay.atr == CardProfile.extended.atr)
        #expect(try await replay.transmit(select) == [0x90, 0x00])
        #expect(throws: ReplayError.notFinished(replayed: 1, recorded: 3)) { try replay.assertFinished() }
        #expect(try await replay.transmit(read) == TestPatternCard.pattern(4, seed: 0x1E) + [0x90, 0x00])
        await #expect(throws: ReplayError.recordedFailure(index: 2, error: "the card was removed")) {
            try await replay.transmit([0x00, 0x84, 0x00, 0x00, 0x08])
        }
        try replay.assertFinished()
    }

    @Test func replayFailsLoudlyOnDivergence() async throws {
        let replay = ReplayTransport(try await recorded())
        _ = try await replay.transmit(select)
        // One byte differs (offset 01 instead of 00).
        await #expect(throws: ReplayError.divergence(index: 1, expected: "00B09E0004", actual: "00B09E0104")) {
            try await replay.transmit([0x00, 0xB0, 0x9E, 0x01, 0x04])
        }
        // The session stays failed, even for the right command.
        await #expect(throws: ReplayError.self) { try await replay.transmit(read) }
        #expect(throws: ReplayError.self) { try replay.assertFinished() }
    }

    @Test func replayRejectsCommandsAfterTheEnd() async throws {
        var transcript = try await recorded()
        transcript.exchanges.removeLast(2)
        let replay = ReplayTransport(transcript)
        _ = try await replay.transmit(select)
        await #expect(throws: ReplayError.unexpectedCommand(index: 1, actual: "00B09E0004")) {
            try await replay.transmit(read)
        }
    }

    @Test func malformedTranscriptsAreRejectedWithTheLine() {
        #expect(throws: TranscriptError.empty) { try Transcript(jsonLines: "") }
        #expect(throws: TranscriptError.unsupportedFormat("other")) {
            try Transcript(jsonLines: #"{"format":"other","version":1}"#)
        }
        #expect(throws: TranscriptError.unsupportedVersion(9)) {
            try Transcript(jsonLines: #"{"format":"cccd-transcript","version":9}"#)
        }
        let header = #"{"format":"cccd-transcript","version":1}"#
        #expect(throws: TranscriptError.malformedLine(2, "invalid hex")) {
            try Transcript(jsonLines: header + "\n" + #"{"i":0,"t":0,"c":"XYZ","r":"9000"}"#)
        }
        #expect(throws: TranscriptError.malformedLine(2, "neither r nor e")) {
            try Transcript(jsonLines: header + "\n" + #"{"i":0,"t":0,"c":"00A4"}"#)
        }
        #expect(throws: TranscriptError.self) { try Transcript(jsonLines: header + "\n{nonsense") }
    }
}
