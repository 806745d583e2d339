import CCCDCrypto
import CCCDProtocols
import CCCDTransport
import CCCDVirtualCard
import Testing

/// Secure messaging between the reader side and the chip side: long files, short APDUs, the
/// chip's reaction to tampering and to plain commands.
@Suite struct EMRTDChipSecureMessaging {
    func open(_ profile: CardProfile = .extended, key: AccessKey = .can(ChipFixtures.can)) async throws
        -> (EMRTDChip, APDUChannel, SecureChannel)
    {
        let (chip, ch) = try ChipFixtures.chip(ChipFixtures.configuration(profile: profile))
        let result = try await AccessControl.establish(channel: ch, key: key)
        return (chip, ch, SecureChannel(channel: ch, state: result.secureMessaging))
    }

    /// A transport that lets other tasks run before each exchange, as a real reader's wait does.
    struct YieldingTransport: CardTransport {
        let inner: VirtualCardTransport
        func transmit(_ command: [UInt8]) async throws -> [UInt8] {
            try await Task.sleep(for: .milliseconds(1))
            return try await inner.transmit(command)
        }
    }

    @Test func concurrentSendersAreServedOneCommandAtATime() async throws {
        let (chip, _) = try ChipFixtures.chip(ChipFixtures.configuration())
        let ch = APDUChannel(transport: YieldingTransport(inner: VirtualCardTransport(card: chip.card)))
        let result = try await AccessControl.establish(channel: ch, key: .can(ChipFixtures.can))
        let sm = SecureChannel(channel: ch, state: result.secureMessaging)
        _ = try await sm.send(ChipFixtures.selectEF(0x0102))
        // 16 callers at once, each reading its own 16-byte piece: without one command at a time their
        // send-sequence counters interleave and the first response fails its MAC check.
        let pieces = try await withThrowingTaskGroup(of: (Int, [UInt8]).self) { group in
            for index in 0..<16 {
                group.addTask { (index, try await sm.send(ChipFixtures.readBinary(offset: index * 16, ne: 16)).data) }
            }
            var pieces: [Int: [UInt8]] = [:]
            for try await (index, data) in group { pieces[index] = data }
            return pieces
        }
        for index in 0..<16 {
            #expect(pieces[index] == Array(ChipFixtures.dg2[(index * 16)..<(index * 16 + 16)]), "piece \(index)")
        }
        #expect(await sm.isActive)
    }

    @Test func twentyKilobytesWithExtendedLength() async throws {
        let (chip, _, sm) = try await open()
        let before = chip.card.commandCount
        // The whole file in one protected READ BINARY (Le 00 00 inside DO'97').
        _ = try await sm.send(ChipFixtures.selectEF(0x0102))
        let r = try await sm.send(ChipFixtures.readBinary(offset: 0, ne: 65_536))
        #expect(r.data == ChipFixtures.dg2)
        #expect(r.status == .endOfFileReached)
        #expect(chip.card.commandCount - before == 2)
        // And in 4 KB pieces.
        #expect(try await ChipFixtures.readFile(sm, fid: 0x0102, chunk: 4096) == ChipFixtures.dg2)
    }

    @Test func twentyKilobytesWithShortAPDUs() async throws {
        let (_, _, sm) = try await open(.shortOnly)
        // 223 bytes of data is the most a protected short response (≤ 256 bytes) can carry with AES.
        #expect(try await ChipFixtures.readFile(sm, fid: 0x0102, chunk: 223) == ChipFixtures.dg2)
        // Asking for more than fits gets a protected 67 00; the session survives.
        let tooLong = try await sm.send(ChipFixtures.readBinary(offset: 0, ne: 256))
        #expect(tooLong.status == .wrongLength)
        #expect(try await sm.send(ChipFixtures.readBinary(offset: 0, ne: 16)).data == Array(ChipFixtures.dg2.prefix(16)))
    }

    @Test func twentyKilobytesUnderBACWithShortAPDUs() async throws {
        let (chip, ch) = try ChipFixtures.chip(ChipFixtures.configuration(pace: [], profile: .shortOnly))
        let result = try await AccessControl.establish(channel: ch, key: ChipFixtures.readerMRZ())
        #expect(result.protocolUsed == .bac)
        let sm = SecureChannel(channel: ch, state: result.secureMessaging)
        #expect(try await ChipFixtures.readFile(sm, fid: 0x0102, chunk: 231) == ChipFixtures.dg2)
        #expect(chip.isSecureMessagingActive)
    }

    @Test func errorsInsideTheSessionComeBackProtected() async throws {
        let (chip, _, sm) = try await open()
        let missing = try await sm.send(ChipFixtures.selectEF(0x7F7F))
        #expect(missing.status == .fileNotFound)
        let locked = try await sm.send(ChipFixtures.readBinary(sfi: 0x03, ne: 256))  // DG3 needs TA
        #expect(locked.status == .securityStatusNotSatisfied)
        #expect(chip.isSecureMessagingActive)
        #expect(try await sm.send(ChipFixtures.readBinary(sfi: 0x01, ne: 256)).data == ChipFixtures.dg1)
    }

    @Test func tamperedMACDropsTheSession() async throws {
        let (chip, ch, sm) = try await open()
        var state = await sm.currentState
        var command = try state.protect(ChipFixtures.readBinary(sfi: 0x01, ne: 256))
        var data = command.data
        data[data.count - 1] ^= 0x01
        command = try CommandAPDU(cla: command.cla, ins: command.ins, p1: command.p1, p2: command.p2, data: data, ne: command.ne)
        let answer = try await ch.send(command)
        #expect(answer.data.isEmpty && answer.status == .secureMessagingDataObjectIncorrect)
        #expect(!chip.isSecureMessagingActive)
        // The next correctly protected command finds no session; plain reads are refused.
        await #expect(throws: SecureMessagingError.unprotectedResponse(.secureMessagingDataObjectIncorrect)) {
            try await sm.send(ChipFixtures.readBinary(sfi: 0x01, ne: 256))
        }
        #expect(try await ch.send(ChipFixtures.readBinary(sfi: 0x01, ne: 256)).status == .securityStatusNotSatisfied)
        // Re-authentication opens a new session.
        let again = try await AccessControl.establish(channel: ch, key: .can(ChipFixtures.can))
        let sm2 = SecureChannel(channel: ch, state: again.secureMessaging)
        #expect(try await sm2.send(ChipFixtures.readBinary(sfi: 0x01, ne: 256)).data == ChipFixtures.dg1)
    }

    @Test func missingMACAndReplayedCounterDropTheSession() async throws {
        let (chip, ch, sm) = try await open()
        // No DO'8E' at all: 69 87.
        let noMAC = try CommandAPDU(cla: 0x0C, ins: 0xB0, p1: 0x81, p2: 0, data: [0x97, 0x01, 0x00], ne: 256)
        #expect(try await ch.send(noMAC).status == .secureMessagingDataObjectMissing)
        #expect(!chip.isSecureMessagingActive)

        // A command protected with a stale counter (replay): 69 88.
        let (chip2, ch2, sm2) = try await open()
        var state = await sm2.currentState
        let first = try state.protect(ChipFixtures.readBinary(sfi: 0x01, ne: 256))
        _ = try state.unprotect(try await ch2.send(first))
        #expect(try await ch2.send(first).status == .secureMessagingDataObjectIncorrect)
        #expect(!chip2.isSecureMessagingActive)
        _ = sm
    }

    @Test func plainCommandEndsTheSession() async throws {
        let (chip, ch, sm) = try await open()
        let plain = try await ch.send(ChipFixtures.readBinary(sfi: 0x01, ne: 256))
        #expect(plain.status == .securityStatusNotSatisfied)
        #expect(!chip.isSecureMessagingActive)
        await #expect(throws: SecureMessagingError.unprotectedResponse(.secureMessagingDataObjectIncorrect)) {
            try await sm.send(ChipFixtures.readBinary(sfi: 0x01, ne: 256))
        }
    }

    @Test func powerCycleEndsTheSession() async throws {
        let (chip, _, sm) = try await open()
        chip.card.reset()
        #expect(!chip.isSecureMessagingActive)
        await #expect(throws: SecureMessagingError.self) { try await sm.send(ChipFixtures.readBinary(sfi: 0x01, ne: 256)) }
    }

    @Test func getResponseChainingUnderSecureMessaging() async throws {
        var profile = CardProfile.extended
        profile.getResponseChaining = true
        let (_, _, sm) = try await open(profile)
        _ = try await sm.send(ChipFixtures.selectEF(0x0102))
        let r = try await sm.send(ChipFixtures.readBinary(offset: 0, ne: 65_536))
        #expect(r.data == ChipFixtures.dg2)
    }
}
