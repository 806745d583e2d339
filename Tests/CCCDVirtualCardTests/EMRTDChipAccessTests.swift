import CCCDCrypto
import CCCDLDS
import CCCDProtocols
import CCCDTransport
import CCCDVirtualCard
import Testing

/// The chip side against the reader side (CCCDProtocols' access procedure), in-process.
@Suite struct EMRTDChipAccess {
    static let gmAES128 = PACEAlgorithm(keyAgreement: .ecdh, mapping: .generic, cipher: .aes128)

    @Test func paceWithCAN() async throws {
        let (chip, ch) = try ChipFixtures.chip()
        let result = try await AccessControl.establish(channel: ch, key: .can(ChipFixtures.can))
        #expect(result.protocolUsed == .pace(Self.gmAES128, parameterID: 13))
        #expect(result.pace?.passwordReference == 2)
        #expect(chip.isSecureMessagingActive)
        let sm = SecureChannel(channel: ch, state: result.secureMessaging)
        let r = try await sm.send(ChipFixtures.readBinary(sfi: 0x01, ne: 256))
        #expect(r.data == ChipFixtures.dg1)
        #expect(r.status == .endOfFileReached)
    }

    @Test func paceWithMRZ() async throws {
        let (_, ch) = try ChipFixtures.chip()
        let result = try await AccessControl.establish(channel: ch, key: ChipFixtures.readerMRZ())
        #expect(result.protocolUsed == .pace(Self.gmAES128, parameterID: 13))
        #expect(result.pace?.passwordReference == 1)
        let sm = SecureChannel(channel: ch, state: result.secureMessaging)
        #expect(try await ChipFixtures.readFile(sm, fid: 0x0101, chunk: 200) == ChipFixtures.dg1)
    }

    @Test func bacOnACardThatAlsoOffersPACE() async throws {
        let (chip, ch) = try ChipFixtures.chip()
        let select = try await ch.send(AccessControl.selectApplicationCommand())
        #expect(select.status == .success)
        let bac = try await BACProtocol.perform(channel: ch, key: mrzInput(), random: SystemRandomSource())
        #expect(chip.isSecureMessagingActive)
        let sm = SecureChannel(channel: ch, state: bac.secureMessaging)
        #expect(try await sm.send(ChipFixtures.readBinary(sfi: 0x01, ne: 256)).data == ChipFixtures.dg1)
    }

    @Test func cardWithoutPACEUsesBAC() async throws {
        let (_, ch) = try ChipFixtures.chip(ChipFixtures.configuration(pace: []))
        let result = try await AccessControl.establish(channel: ch, key: ChipFixtures.readerMRZ())
        #expect(result.protocolUsed == .bac)
        #expect(result.cardAccess == nil && result.pace == nil)
        let sm = SecureChannel(channel: ch, state: result.secureMessaging)
        #expect(try await ChipFixtures.readFile(sm, fid: 0x0101, chunk: 256) == ChipFixtures.dg1)
        // A CAN is of no use without PACE.
        let (_, ch2) = try ChipFixtures.chip(ChipFixtures.configuration(pace: []))
        await #expect(throws: AccessControlError.self) {
            try await AccessControl.establish(channel: ch2, key: .can(ChipFixtures.can))
        }
    }

    @Test func noSilentFallbackToBAC() async throws {
        // A chip whose PACE fails (it rejects MSE:Set AT, as some chips do with tag 84).
        let (chip, ch) = try ChipFixtures.chip()
        chip.card.register(instruction: 0x22) { _, _ in ResponseAPDU(data: [], status: .incorrectData) }
        await #expect(throws: AccessControlError.cardRejected(step: "MSE:Set AT", status: .incorrectData)) {
            try await AccessControl.establish(channel: ch, key: ChipFixtures.readerMRZ())
        }
        // Only an explicit policy falls back, and the result says so.
        let fallback = try await AccessControl.establish(
            channel: ch, key: ChipFixtures.readerMRZ(), policy: AccessPolicy(allowBACFallback: true))
        #expect(fallback.protocolUsed == .bac)
        #expect(fallback.paceFailure == .cardRejected(step: "MSE:Set AT", status: .incorrectData))
    }

    @Test func wrongCANIsAWrongAccessKey() async throws {
        let (chip, ch) = try ChipFixtures.chip()
        await #expect(throws: AccessControlError.wrongAccessKey(retriesLeft: nil)) {
            try await AccessControl.establish(channel: ch, key: .can("999999"))
        }
        #expect(!chip.isSecureMessagingActive)
        // Files stay locked; the right CAN still works afterwards.
        _ = try await ch.send(AccessControl.selectApplicationCommand())
        let locked = try await ch.send(ChipFixtures.readBinary(sfi: 0x01, ne: 256))
        #expect(locked.status == .securityStatusNotSatisfied)
        _ = try await AccessControl.establish(channel: ch, key: .can(ChipFixtures.can))
    }

    @Test func wrongMRZWithBACIsAWrongAccessKey() async throws {
        let (_, ch) = try ChipFixtures.chip(ChipFixtures.configuration(pace: []))
        let wrong = MRZKeyInformation(documentNumber: "090012346", dateOfBirth: "900115", dateOfExpiry: "300115")
        await #expect(throws: AccessControlError.wrongAccessKey(retriesLeft: nil)) {
            try await AccessControl.establish(channel: ch, key: ChipFixtures.readerMRZ(wrong))
        }
    }

    @Test func filesAreLockedBeforeAccessControl() async throws {
        let (_, ch) = try ChipFixtures.chip()
        // EF.CardAccess is public; the application's files are not.
        let cardAccess = try await ch.send(ChipFixtures.readBinary(sfi: 0x1C, ne: 256))
        #expect(cardAccess.status.isNormalOrWarning)
        _ = try await ch.send(AccessControl.selectApplicationCommand())
        let dg1 = try await ch.send(ChipFixtures.readBinary(sfi: 0x01, ne: 256))
        #expect(dg1.status == .securityStatusNotSatisfied)
    }

    func mrzInput() throws -> MRZKeyInput {
        try MRZKeyInput(documentNumber: ChipFixtures.mrz.documentNumber, dateOfBirth: ChipFixtures.mrz.dateOfBirth,
                        dateOfExpiry: ChipFixtures.mrz.dateOfExpiry)
    }
}
