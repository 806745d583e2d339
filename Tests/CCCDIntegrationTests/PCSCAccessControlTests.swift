import CCCDCrypto
import CCCDLDS
import CCCDProtocols
import CCCDTestSupport
import CCCDTransport
import CCCDVirtualCard
import Foundation
import Testing

extension PCSCEndToEnd {
/// BAC, PACE and secure messaging end to end: libpcsclite → pcscd → vpcd → the virtual chip.
/// Nested in `PCSCEndToEnd` so that its serialization covers both suites: all of them share
/// vpcd's readers (and the whole run shares one private pcscd).
@Suite(.serialized) struct AccessControlThroughPCSC {
    static let mrz = MRZKeyInformation(documentNumber: "090012345", dateOfBirth: "900115", dateOfExpiry: "300115")
    static let can = "012345"
    static let dg1 = TestPatternCard.pattern(93, seed: 0x01)
    static let dg2 = TestPatternCard.pattern(20_480, seed: 0x02)

    let bed: PCSCTestBed

    init() throws {
        bed = try PCSCTestBed.shared()
    }

    /// Inserts a chip into vpcd's first slot, connects through pcscd, runs `body`, ejects.
    func withChip<T>(_ configuration: ChipConfiguration, _ body: (APDUChannel) async throws -> T) async throws -> T {
        let chip = try EMRTDChip(configuration: configuration, fileSystem: TestPatternCard.fileSystem(access: .afterAccessControl))
        let connection = VPCDConnection(card: chip.card, port: bed.basePort)
        let context = try PCSCContext()
        try connection.insertSettled()
        defer {
            connection.eject()
            // Let pcscd see the removal before the next test inserts a card with the same ATR.
            for _ in 0..<200 {
                let present = (try? context.readerStates().first { $0.name == bed.readerNames[0] }?.cardPresent) ?? false
                if present != true { break }
                usleep(10_000)
            }
        }
        var pcsc: PCSCCard?
        for _ in 0..<400 where pcsc == nil {
            let present = try context.readerStates().first { $0.name == bed.readerNames[0] }?.cardPresent ?? false
            if present { pcsc = try? context.connect(reader: bed.readerNames[0]) }
            if pcsc == nil { try await Task.sleep(for: .milliseconds(25)) }
        }
        let card = try #require(pcsc)
        defer { card.disconnect() }
        return try await body(APDUChannel(transport: card))
    }

    func configuration(pace: [PACEOffer] = [.cccd], profile: CardProfile = .extended) -> ChipConfiguration {
        ChipConfiguration(can: Self.can, mrz: Self.mrz, pace: pace, profile: profile)
    }

    func readerMRZ() throws -> AccessKey {
        .mrz(try MRZKeyInput(documentNumber: Self.mrz.documentNumber, dateOfBirth: Self.mrz.dateOfBirth,
                             dateOfExpiry: Self.mrz.dateOfExpiry))
    }

    /// Reads DG2 under SM in pieces of `chunk` bytes.
    func readDG2(_ sm: SecureChannel, chunk: Int) async throws -> [UInt8] {
        let select = try await sm.send(try CommandAPDU(cla: 0, ins: 0xA4, p1: 0x02, p2: 0x0C, data: [0x01, 0x02]))
        #expect(select.status == .success)
        var content: [UInt8] = []
        while content.count < Self.dg2.count {
            let r = try await sm.send(
                try CommandAPDU(cla: 0, ins: 0xB0, p1: UInt8(content.count >> 8), p2: UInt8(content.count & 0xFF), ne: chunk))
            guard r.status.isNormalOrWarning, !r.data.isEmpty else { break }
            content += r.data
        }
        return content
    }

    static let gmAES128 = PACEAlgorithm(keyAgreement: .ecdh, mapping: .generic, cipher: .aes128)

    @Test func paceWithCANAndTwentyKilobytesExtended() async throws {
        try await withChip(configuration()) { ch in
            let result = try await AccessControl.establish(channel: ch, key: .can(Self.can))
            #expect(result.protocolUsed == .pace(Self.gmAES128, parameterID: 13))
            #expect(result.protocolUsed.description.contains("PACE"))
            let sm = SecureChannel(channel: ch, state: result.secureMessaging)
            #expect(try await sm.send(try CommandAPDU(cla: 0, ins: 0xB0, p1: 0x81, p2: 0, ne: 256)).data == Self.dg1)
            // One protected READ BINARY with extended Le for the whole 20 KB file.
            #expect(try await readDG2(sm, chunk: 65_536) == Self.dg2)
        }
    }

    @Test func paceWithMRZ() async throws {
        try await withChip(configuration()) { ch in
            let result = try await AccessControl.establish(channel: ch, key: readerMRZ())
            #expect(result.protocolUsed == .pace(Self.gmAES128, parameterID: 13))
            #expect(result.pace?.passwordReference == 1)
            let sm = SecureChannel(channel: ch, state: result.secureMessaging)
            #expect(try await sm.send(try CommandAPDU(cla: 0, ins: 0xB0, p1: 0x81, p2: 0, ne: 256)).data == Self.dg1)
        }
    }

    @Test func bac() async throws {
        try await withChip(configuration()) { ch in
            #expect(try await ch.send(AccessControl.selectApplicationCommand()).status == .success)
            let bac = try await BACProtocol.perform(
                channel: ch, key: MRZKeyInput(documentNumber: Self.mrz.documentNumber, dateOfBirth: Self.mrz.dateOfBirth,
                                              dateOfExpiry: Self.mrz.dateOfExpiry),
                random: SystemRandomSource())
            let sm = SecureChannel(channel: ch, state: bac.secureMessaging)
            #expect(try await sm.send(try CommandAPDU(cla: 0, ins: 0xB0, p1: 0x81, p2: 0, ne: 256)).data == Self.dg1)
        }
    }

    @Test func cardWithoutPACEUsesBACAndTwentyKilobytesShort() async throws {
        try await withChip(configuration(pace: [], profile: .shortOnly)) { ch in
            let result = try await AccessControl.establish(channel: ch, key: readerMRZ())
            #expect(result.protocolUsed == .bac)
            #expect(result.protocolUsed.description == "BAC")
            let sm = SecureChannel(channel: ch, state: result.secureMessaging)
            #expect(try await readDG2(sm, chunk: 231) == Self.dg2)
        }
    }

    @Test func paceWithCANAndTwentyKilobytesShort() async throws {
        try await withChip(configuration(profile: .shortOnly)) { ch in
            let result = try await AccessControl.establish(channel: ch, key: .can(Self.can))
            #expect(result.protocolUsed == .pace(Self.gmAES128, parameterID: 13))
            let sm = SecureChannel(channel: ch, state: result.secureMessaging)
            #expect(try await readDG2(sm, chunk: 223) == Self.dg2)
        }
    }

    @Test func wrongCANThroughPCSC() async throws {
        _ = try await withChip(configuration()) { ch in
            await #expect(throws: AccessControlError.wrongAccessKey(retriesLeft: nil)) {
                try await AccessControl.establish(channel: ch, key: .can("111111"))
            }
        }
    }
}
}
