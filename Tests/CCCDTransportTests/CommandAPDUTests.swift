import CCCDPrimitives
import CCCDTransport
import Testing

@Suite struct CommandAPDUEncoding {
    @Test func case1() throws {
        let c = try CommandAPDU(cla: 0x00, ins: 0xA4, p1: 0x00, p2: 0x0C)
        #expect(c.isoCase == 1)
        #expect(try c.encoded() == [0x00, 0xA4, 0x00, 0x0C])
        #expect(try c.encoded(.extended) == [0x00, 0xA4, 0x00, 0x0C])
    }

    @Test func shortForms() throws {
        #expect(try CommandAPDU(cla: 0, ins: 0x84, p1: 0, p2: 0, ne: 8).encoded() == [0x00, 0x84, 0x00, 0x00, 0x08])
        #expect(try CommandAPDU(cla: 0, ins: 0xB0, p1: 0, p2: 0, ne: 256).encoded() == [0, 0xB0, 0, 0, 0x00])
        #expect(try CommandAPDU(cla: 0, ins: 0xA4, p1: 2, p2: 0x0C, data: [0x01, 0x1E]).encoded()
            == [0x00, 0xA4, 0x02, 0x0C, 0x02, 0x01, 0x1E])
        #expect(try CommandAPDU(cla: 0, ins: 0xA4, p1: 4, p2: 0, data: [0xA0], ne: 256).encoded()
            == [0x00, 0xA4, 0x04, 0x00, 0x01, 0xA0, 0x00])
    }

    @Test func extendedForms() throws {
        // Case 2E: 00 Le1 Le2; Ne = 65 536 is Le 00 00.
        #expect(try CommandAPDU(cla: 0, ins: 0xB0, p1: 0, p2: 0, ne: 257).encoded() == [0, 0xB0, 0, 0, 0x00, 0x01, 0x01])
        #expect(try CommandAPDU(cla: 0, ins: 0xB0, p1: 0, p2: 0, ne: 65_536).encoded() == [0, 0xB0, 0, 0, 0, 0, 0])
        // Case 3E.
        let data = [UInt8](repeating: 0xAB, count: 256)
        #expect(try CommandAPDU(cla: 0, ins: 0xD6, p1: 0, p2: 0, data: data).encoded() == [0, 0xD6, 0, 0, 0, 0x01, 0x00] + data)
        // Case 4E: one leading 00 shared by Lc and Le.
        #expect(try CommandAPDU(cla: 0x0C, ins: 0xB0, p1: 0, p2: 0, data: [1, 2], ne: 1000).encoded(.extended)
            == [0x0C, 0xB0, 0, 0, 0x00, 0x00, 0x02, 1, 2, 0x03, 0xE8])
        #expect(try CommandAPDU(cla: 0, ins: 0x86, p1: 0, p2: 0, data: data, ne: 65_536).encoded()
            == [0, 0x86, 0, 0, 0, 0x01, 0x00] + data + [0, 0])
    }

    @Test func shortOnlyRefusesWhatNeedsExtended() throws {
        let c = try CommandAPDU(cla: 0, ins: 0xB0, p1: 0, p2: 0, ne: 257)
        #expect(throws: APDUError.extendedLengthRequired) { try c.encoded(.short) }
    }

    @Test func limitsAreChecked() {
        #expect(throws: APDUError.commandDataTooLong(65_536)) {
            try CommandAPDU(cla: 0, ins: 0xD6, p1: 0, p2: 0, data: [UInt8](repeating: 0, count: 65_536))
        }
        #expect(throws: APDUError.expectedLengthOutOfRange(0)) { try CommandAPDU(cla: 0, ins: 0xB0, p1: 0, p2: 0, ne: 0) }
        #expect(throws: APDUError.expectedLengthOutOfRange(65_537)) {
            try CommandAPDU(cla: 0, ins: 0xB0, p1: 0, p2: 0, ne: 65_537)
        }
        // The largest legal command encodes.
        #expect((try? CommandAPDU(cla: 0, ins: 0xD6, p1: 0, p2: 0, data: [UInt8](repeating: 1, count: 65_535), ne: 65_536)
            .encoded().count) == 4 + 3 + 65_535 + 2)
    }

    /// Every case at its boundary lengths survives encode → decode, in every form that can hold it.
    @Test(arguments: [0, 1, 255, 256, 65_535])
    func roundTrip(dataLength: Int) throws {
        for ne in [nil, 1, 255, 256, 257, 65_535, 65_536] as [Int?] {
            let data = (0..<dataLength).map { UInt8(truncatingIfNeeded: $0) }
            let c = try CommandAPDU(cla: 0x0C, ins: 0xB0, p1: 0x81, p2: 0x02, data: data, ne: ne)
            for form in [CommandAPDU.LengthForm.automatic, .extended, .short] {
                guard form != .short || !c.needsExtendedLength else { continue }
                let decoded = try CommandAPDU(bytes: try c.encoded(form))
                #expect(decoded == c, "Nc=\(dataLength) Ne=\(String(describing: ne)) \(form)")
            }
        }
    }

    @Test func malformedBodiesAreRejected() {
        #expect(throws: APDUError.tooShort(3)) { try CommandAPDU(bytes: [0, 0xA4, 0]) }
        // Lc says 5 bytes, 3 follow.
        #expect(throws: APDUError.self) { try CommandAPDU(bytes: [0, 0xA4, 0, 0, 5, 1, 2, 3]) }
        // Lc says 2, then two bytes too many for a single Le.
        #expect(throws: APDUError.self) { try CommandAPDU(bytes: [0, 0xA4, 0, 0, 2, 1, 2, 3, 4]) }
        // Extended Lc of zero.
        #expect(throws: APDUError.self) { try CommandAPDU(bytes: [0, 0xD6, 0, 0, 0, 0, 0, 1]) }
        // Extended Lc larger than the body.
        #expect(throws: APDUError.self) { try CommandAPDU(bytes: [0, 0xD6, 0, 0, 0, 0x01, 0x00, 1, 2]) }
        // Two-byte body starting with 00 is neither short nor extended.
        #expect(throws: APDUError.self) { try CommandAPDU(bytes: [0, 0xB0, 0, 0, 0, 5]) }
    }

    @Test func chainingSetsTheClassBitOnAllButTheLast() throws {
        let data = (0..<600).map { UInt8(truncatingIfNeeded: $0) }
        let c = try CommandAPDU(cla: 0x00, ins: 0x86, p1: 0, p2: 0, data: data, ne: 256)
        let parts = try c.chained(maxDataPerCommand: 255)
        #expect(parts.map(\.cla) == [0x10, 0x10, 0x00])
        #expect(parts.map(\.data.count) == [255, 255, 90])
        #expect(parts.map(\.ne) == [nil, nil, 256])
        #expect(parts.flatMap(\.data) == data)
        #expect(try c.chained(maxDataPerCommand: 1000) == [c])
        #expect(throws: APDUError.self) { try c.chained(maxDataPerCommand: 0) }
    }

    @Test func descriptionNeverShowsData() throws {
        let c = try CommandAPDU(cla: 0, ins: 0x82, p1: 0, p2: 0, data: [0xDE, 0xAD, 0xBE, 0xEF], ne: 40)
        #expect(c.description == "C-APDU 00820000 Nc=4 Ne=40")
        #expect(!"\(try ResponseAPDU(bytes: [0xDE, 0xAD, 0x90, 0x00]))".contains("DEAD"))
    }
}

@Suite struct ResponseAndStatus {
    @Test func responseSplitsDataAndStatus() throws {
        let r = try ResponseAPDU(bytes: [1, 2, 3, 0x90, 0x00])
        #expect(r.data == [1, 2, 3])
        #expect(r.status == .success)
        #expect(r.bytes == [1, 2, 3, 0x90, 0x00])
        #expect(throws: APDUError.responseTooShort(1)) { try ResponseAPDU(bytes: [0x90]) }
    }

    @Test func statusKinds() {
        #expect(StatusWord(0x90, 0x00).kind == .success)
        #expect(StatusWord(0x61, 0x10).kind == .bytesAvailable(16))
        #expect(StatusWord(0x61, 0x00).kind == .bytesAvailable(256))
        #expect(StatusWord(0x6C, 0x20).kind == .wrongLe(exact: 32))
        #expect(StatusWord(0x63, 0xC2).kind == .verificationFailed(retriesLeft: 2))
        #expect(StatusWord(0x62, 0x82).kind == .warning)
        #expect(StatusWord(0x69, 0x82).kind == .error)
        #expect(StatusWord(0x12, 0x34).kind == .unknown)
        #expect(StatusWord(0x6A82).sw1 == 0x6A)
    }

    @Test func meaningsFollowISO7816() {
        #expect(StatusWord.securityStatusNotSatisfied.meaning == "security status not satisfied")
        #expect(StatusWord.fileNotFound.meaning == "file or application not found")
        #expect(StatusWord.wrongLength.meaning == "wrong length")
        #expect(StatusWord(0x63, 0xC1).meaning == "verification failed, 1 tries left")
        #expect(StatusWord(0x6C, 0x10).meaning.contains("16 bytes available"))
        #expect(StatusWord.endOfFileReached.description == "6282 (warning: end of file reached before reading Ne bytes)")
    }

    @Test func hexRoundTrip() {
        #expect(Hex.encode([0x00, 0xAB, 0xFF]) == "00ABFF")
        #expect(Hex.decode("00 ab:FF") == [0x00, 0xAB, 0xFF])
        #expect(Hex.decode("0") == nil)
        #expect(Hex.decode("zz") == nil)
    }
}
