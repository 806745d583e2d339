import CCCDTestSupport
import CCCDTransport
import CCCDVirtualCard
import Foundation
import Testing

/// libpcsclite → pcscd → vpcd → the virtual card, with a private pcscd started by the test bed.
/// Serialized: the tests share vpcd's two virtual readers.
@Suite(.serialized) struct PCSCEndToEnd {
    let bed: PCSCTestBed

    init() throws {
        bed = try PCSCTestBed.shared()
    }

    func selectApplication(_ ch: APDUChannel) async throws {
        let r = try await ch.send(
            try CommandAPDU(cla: 0, ins: 0xA4, p1: 0x04, p2: 0x0C, data: CardFileSystem.eMRTDApplicationID))
        #expect(r.status == .success)
    }

    @Test func insertExchangeRemove() async throws {
        let events = ReaderEventCollector()
        try await events.waitFor { $0 == .readerAttached(bed.readerNames[0]) }

        let context = try PCSCContext()
        #expect(try context.readerNames() == bed.readerNames)
        #expect(try context.readerStates().allSatisfy { !$0.cardPresent })
        #expect(throws: CardTransportError.noCard) { try context.connect(reader: bed.readerNames[0]) }

        // Insert: the event carries the virtual card's ATR.
        let card = VirtualCard(fileSystem: TestPatternCard.fileSystem())
        let connection = VPCDConnection(card: card, port: bed.basePort)
        let mark = events.seen.count
        try connection.insertSettled()
        try await events.waitFor(after: mark) { $0 == .cardInserted(reader: bed.readerNames[0], atr: card.atr) }
        let state = try #require(try context.readerStates().first)
        #expect(state.cardPresent && state.atr == card.atr)

        let pcsc = try context.connect(reader: try context.resolveReader("0"))
        #expect(pcsc.activeProtocol == .t1)
        #expect(try pcsc.atr == card.atr)
        let ch = APDUChannel(transport: pcsc)
        try await selectApplication(ch)
        // Short Le.
        var r = try await ch.send(try CommandAPDU(cla: 0, ins: 0xB0, p1: 0x82, p2: 0, ne: 256))
        #expect(r.data == Array(TestPatternCard.pattern(20_480, seed: 0x02).prefix(256)))
        // Extended Le: the whole 20 KB file in one exchange.
        r = try await ch.send(try CommandAPDU(cla: 0, ins: 0xB0, p1: 0x00, p2: 0, ne: 65_536))
        #expect(r.data == TestPatternCard.pattern(20_480, seed: 0x02))
        #expect(r.status == .endOfFileReached)

        // Remove: the event arrives and the next transmit gets a typed "card removed".
        let mark2 = events.seen.count
        connection.eject()
        try await events.waitFor(after: mark2) { $0 == .cardRemoved(reader: bed.readerNames[0]) }
        await #expect(throws: CardTransportError.cardRemoved) {
            try await pcsc.transmit([0x00, 0xB0, 0x82, 0x00, 0x10])
        }
        pcsc.disconnect()
        events.stop()
    }

    @Test func secondReaderAndExclusiveSharing() async throws {
        let card = VirtualCard(profile: .shortOnly, fileSystem: TestPatternCard.fileSystem())
        let connection = VPCDConnection(card: card, port: bed.basePort + 1)
        try connection.insertSettled()
        defer { connection.eject() }
        let context = try PCSCContext()
        var present = false
        for _ in 0..<100 where !present {
            present = try context.readerStates().first { $0.name == bed.readerNames[1] }?.cardPresent ?? false
            if !present { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(present)
        let exclusive = try context.connect(reader: bed.readerNames[1], share: .exclusive)
        #expect(throws: CardTransportError.sharingViolation) { try context.connect(reader: bed.readerNames[1]) }
        // A short-only card refuses extended Le with 67 00 — through pcscd too.
        let ch = APDUChannel(transport: exclusive)
        try await selectApplication(ch)
        let r = try await ch.send(try CommandAPDU(cla: 0, ins: 0xB0, p1: 0x82, p2: 0, ne: 1024))
        #expect(r.status == .wrongLength)
        exclusive.disconnect()
        #expect(throws: CardTransportError.noReader("No Such Reader")) { try context.resolveReader("No Such Reader") }
    }

    @Test func recordThroughPCSCThenReplayWithoutIt() async throws {
        let card = VirtualCard(fileSystem: TestPatternCard.fileSystem())
        let connection = VPCDConnection(card: card, port: bed.basePort)
        try connection.insertSettled()
        defer { connection.eject() }
        let context = try PCSCContext()
        var pcsc: PCSCCard?
        for _ in 0..<100 where pcsc == nil {
            pcsc = try? context.connect(reader: bed.readerNames[0])
            if pcsc == nil { try await Task.sleep(for: .milliseconds(50)) }
        }
        let connected = try #require(pcsc)
        let recorder = RecordingTransport(wrapping: connected, header: .init(atr: card.atr, reader: connected.reader))
        func session(_ transport: any CardTransport) async throws -> [UInt8] {
            let ch = APDUChannel(transport: transport)
            try await selectApplication(ch)
            return try await ch.send(try CommandAPDU(cla: 0, ins: 0xB0, p1: 0x8D, p2: 0, ne: 65_536)).data
        }
        let live = try await session(recorder)
        connected.disconnect()
        let transcript = try Transcript(jsonLines: recorder.recorded.jsonLines())
        let replay = ReplayTransport(transcript)
        #expect(try await session(replay) == live)
        try replay.assertFinished()
    }
}
