import CCCDTransport
import CCCDVirtualCard
import Testing

/// The chip side of ISO 7816-4, driven in-process through `APDUChannel`.
@Suite struct VirtualCardCommands {
    func channel(_ profile: CardProfile = .extended, _ fs: CardFileSystem = TestPatternCard.fileSystem())
        -> (APDUChannel, VirtualCard)
    {
        let card = VirtualCard(profile: profile, fileSystem: fs)
        return (APDUChannel(transport: VirtualCardTransport(card: card)), card)
    }

    func selectApplication(_ ch: APDUChannel) async throws {
        let r = try await ch.send(
            try CommandAPDU(cla: 0, ins: 0xA4, p1: 0x04, p2: 0x0C, data: CardFileSystem.eMRTDApplicationID))
        #expect(r.status == .success)
    }

    @Test func selectByAIDThenReadBySFI() async throws {
        let (ch, _) = channel()
        try await selectApplication(ch)
        // EF.COM by SFI 1E, 24 bytes; asking for 256 gets 24 and "end of file reached".
        let r = try await ch.send(try CommandAPDU(cla: 0, ins: 0xB0, p1: 0x9E, p2: 0, ne: 256))
        #expect(r.data == TestPatternCard.pattern(24, seed: 0x1E))
        #expect(r.status == .endOfFileReached)
    }

    @Test func selectByFileIDAndReadWithOffsets() async throws {
        let (ch, _) = channel()
        try await selectApplication(ch)
        let fcp = try await ch.send(try CommandAPDU(cla: 0, ins: 0xA4, p1: 0x02, p2: 0x04, data: [0x01, 0x02], ne: 256))
        #expect(fcp.status == .success)
        #expect(Array(fcp.data.prefix(6)) == [0x62, 0x0B, 0x80, 0x02, 0x50, 0x00])  // 20 480 bytes
        let dg2 = TestPatternCard.pattern(20_480, seed: 0x02)
        let r = try await ch.send(try CommandAPDU(cla: 0, ins: 0xB0, p1: 0x12, p2: 0x34, ne: 100))
        #expect(r.data == Array(dg2[0x1234..<(0x1234 + 100)]))
        // Extended Le: the whole file at once.
        let whole = try await ch.send(try CommandAPDU(cla: 0, ins: 0xB0, p1: 0, p2: 0, ne: 65_536))
        #expect(whole.data == dg2)
        #expect(whole.status == .endOfFileReached)
        // Offset past the end.
        let past = try await ch.send(try CommandAPDU(cla: 0, ins: 0xB0, p1: 0x50, p2: 0x01, ne: 1))
        #expect(past.status == .wrongParameters)
    }

    @Test func selectByPathAndMasterFile() async throws {
        let (ch, _) = channel()
        // EF.CardAccess by path from the MF, then EF.ATR/INFO after SELECT MF.
        var r = try await ch.send(try CommandAPDU(cla: 0, ins: 0xA4, p1: 0x08, p2: 0x0C, data: [0x01, 0x1C]))
        #expect(r.status == .success)
        r = try await ch.send(try CommandAPDU(cla: 0, ins: 0xB0, p1: 0, p2: 0, ne: 256))
        #expect(r.data == TestPatternCard.cccdCardAccess)
        r = try await ch.send(try CommandAPDU(cla: 0, ins: 0xA4, p1: 0x00, p2: 0x0C, data: [0x3F, 0x00]))
        #expect(r.status == .success)
        r = try await ch.send(try CommandAPDU(cla: 0, ins: 0xB0, p1: 0x81, p2: 0, ne: 256))
        #expect(r.data == [0x7F, 0x66, 0x08, 0x02, 0x02, 0xFF, 0xFF, 0x02, 0x02, 0xFF, 0xFF])
        r = try await ch.send(try CommandAPDU(cla: 0, ins: 0xA4, p1: 0x02, p2: 0x0C, data: [0x7F, 0x7F]))
        #expect(r.status == .fileNotFound)
    }

    @Test func oddInsReadBinaryBeyondOffset32767() async throws {
        var fs = TestPatternCard.fileSystem()
        let big = TestPatternCard.pattern(40_000, seed: 0x44)
        fs.applications[0].files.append(ElementaryFile(fid: 0x0105, sfi: 0x05, contents: big, access: .always))
        let (ch, _) = channel(.extended, fs)
        try await selectApplication(ch)
        _ = try await ch.send(try CommandAPDU(cla: 0, ins: 0xA4, p1: 0x02, p2: 0x0C, data: [0x01, 0x05]))
        // Offset 33 000 in DO'54'; the answer is DO'53' with 200 data bytes (header 53 81 C8 = 3 bytes).
        let r = try await ch.send(try CommandAPDU(cla: 0, ins: 0xB1, p1: 0, p2: 0, data: [0x54, 0x02, 0x80, 0xE8], ne: 203))
        #expect(r.status == .success)
        #expect(Array(r.data.prefix(3)) == [0x53, 0x81, 0xC8])
        #expect(Array(r.data.dropFirst(3)) == Array(big[33_000..<33_200]))
        // Even INS cannot address it: 15-bit offsets only.
        #expect(try CommandAPDU(cla: 0, ins: 0xB0, p1: 0x80 | 0x05, p2: 0, ne: 1).p1 & 0x80 != 0)
    }

    @Test func lockedFileAnswers6982() async throws {
        let (ch, _) = channel()
        try await selectApplication(ch)
        let r = try await ch.send(try CommandAPDU(cla: 0, ins: 0xB0, p1: 0x83, p2: 0, ne: 16))
        #expect(r.status == .securityStatusNotSatisfied)
    }

    @Test func shortOnlyCardRefusesExtendedLength() async throws {
        let (ch, card) = channel(.shortOnly)
        try await selectApplication(ch)
        let r = try await ch.send(try CommandAPDU(cla: 0, ins: 0xB0, p1: 0x82, p2: 0, ne: 1000))
        #expect(r.status == .wrongLength)
        let ok = try await ch.send(try CommandAPDU(cla: 0, ins: 0xB0, p1: 0x82, p2: 0, ne: 256))
        #expect(ok.data.count == 256)
        #expect(card.atr != CardProfile.extended.atr)
        #expect(CardProfile.shortOnly.atrInfoContents == [0x7F, 0x66, 0x08, 0x02, 0x02, 0x00, 0xFF, 0x02, 0x02, 0x01, 0x00])
    }

    @Test func getResponseChainingIsFollowed() async throws {
        var profile = CardProfile.extended
        profile.getResponseChaining = true
        let (ch, card) = channel(profile)
        try await selectApplication(ch)
        let before = card.commandCount
        let r = try await ch.send(try CommandAPDU(cla: 0, ins: 0xB0, p1: 0x82, p2: 0, ne: 1000))
        #expect(r.data == Array(TestPatternCard.pattern(20_480, seed: 0x02).prefix(1000)))
        #expect(r.status == .success)
        // 256 + 3 × GET RESPONSE (256, 256, 232).
        #expect(card.commandCount - before == 4)
    }

    @Test func wrongLeIsCorrectedOnce() async throws {
        var profile = CardProfile.extended
        profile.endOfFile = .exactLength
        let (ch, card) = channel(profile)
        try await selectApplication(ch)
        let before = card.commandCount
        let r = try await ch.send(try CommandAPDU(cla: 0, ins: 0xB0, p1: 0x9E, p2: 0, ne: 200))
        #expect(r.data == TestPatternCard.pattern(24, seed: 0x1E))
        #expect(r.status == .success)
        #expect(card.commandCount - before == 2)
    }

    @Test func malformedCommandsGetStatusWordsNotCrashes() async throws {
        let card = VirtualCard(fileSystem: TestPatternCard.fileSystem())
        let transport = VirtualCardTransport(card: card)
        #expect(try await transport.transmit([0x00, 0xA4, 0x04, 0x0C, 0x05, 0x01]) == [0x67, 0x00])
        #expect(try await transport.transmit([0x00, 0xEE, 0x00, 0x00]) == [0x6D, 0x00])
        #expect(try await transport.transmit([0xFF, 0xA4, 0x00, 0x00]) == [0x6E, 0x00])
        #expect(try await transport.transmit([0x00, 0xB0, 0x00, 0x00, 0x10]) == [0x69, 0x86])
        #expect(try await transport.transmit([0x00, 0xB1, 0x00, 0x00, 0x02, 0x99, 0x00, 0x10]) == [0x69, 0x86])
        #expect(try await transport.transmit([0x00, 0xA4, 0x07, 0x00]) == [0x6A, 0x86])
    }

    @Test func chainedCommandsReachTheCard() async throws {
        // A command handler receives each part of a chain; the channel stops at the first refusal.
        let card = VirtualCard(fileSystem: TestPatternCard.fileSystem())
        let received = Received()
        card.register(instruction: 0x86) { command, _ in
            received.append(command.data.count, chained: command.cla & 0x10 != 0)
            return ResponseAPDU(data: [], status: .success)
        }
        let ch = APDUChannel(transport: VirtualCardTransport(card: card))
        let r = try await ch.sendChained(try CommandAPDU(cla: 0, ins: 0x86, p1: 0, p2: 0, data: [UInt8](repeating: 7, count: 300)),
                                        maxDataPerCommand: 128)
        #expect(r.status == .success)
        #expect(received.parts == [Received.Part(count: 128, chained: true), .init(count: 128, chained: true),
                                   .init(count: 44, chained: false)])
    }
}

final class Received: @unchecked Sendable {
    struct Part: Equatable {
        var count: Int
        var chained: Bool
    }
    private(set) var parts: [Part] = []
    func append(_ count: Int, chained: Bool) { parts.append(Part(count: count, chained: chained)) }
}
