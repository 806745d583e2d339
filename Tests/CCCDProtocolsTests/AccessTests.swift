import CCCDCrypto
import CCCDLDS
import CCCDPrimitives
import CCCDTestSupport
import CCCDTransport
import Testing

@testable import CCCDProtocols

@Suite("Access procedure: EF.CardAccess, policy, no silent downgrade")
struct AccessTests {
    let readBySFI = Array(hex: "00B09C0000")
    let selectEF = Array(hex: "00A4020C02011C")
    let readBinary = Array(hex: "00B0000000")
    let selectMF = Array(hex: "00A4000C023F00")

    @Test func cardAccessBySFI() async throws {
        let transport = replay([(readBySFI, AccessPolicy.cccdCardAccess + sw9000)])
        let outcome = try await CardAccessReader.read(channel: APDUChannel(transport: transport))
        #expect(outcome == .found(AccessPolicy.cccdCardAccess))
        try transport.assertFinished()
    }

    @Test func cardAccessFallsBackToSelectThenMF() async throws {
        let viaSelect = replay([
            (readBySFI, [0x6A, 0x86]), (selectEF, sw9000), (readBinary, AccessPolicy.cccdCardAccess + sw9000),
        ])
        #expect(try await CardAccessReader.read(channel: APDUChannel(transport: viaSelect)) == .found(AccessPolicy.cccdCardAccess))
        let viaMF = replay([
            (readBySFI, [0x6D, 0x00]), (selectEF, [0x6A, 0x82]), (selectMF, sw9000), (selectEF, sw9000),
            (readBinary, AccessPolicy.cccdCardAccess + sw9000),
        ])
        #expect(try await CardAccessReader.read(channel: APDUChannel(transport: viaMF)) == .found(AccessPolicy.cccdCardAccess))
        let absent = replay([(readBySFI, [0x6A, 0x82]), (selectEF, [0x6A, 0x82]), (selectMF, sw9000), (selectEF, [0x6A, 0x82])])
        #expect(try await CardAccessReader.read(channel: APDUChannel(transport: absent)) == .notAvailable(lastStatus: .fileNotFound))
    }

    @Test(.enabled(if: SharedFolder.available("samples"), "needs ../shared/samples (not found)"))
    func longCardAccessIsReadInChunks() async throws {
        let file = try Vectors.sample("openpace_eactest/DE_old_testcard_EF.CardAccess.bin")
        #expect(file.count > 256)
        let total = try #require(CardAccessReader.outerLength(file))
        #expect(total > 512 && total < 768)
        let transport = replay([
            (readBySFI, Array(file[0..<256]) + sw9000),
            (Array(hex: "00B0010000"), Array(file[256..<512]) + sw9000),
            (Array(hex: "00B00200") + [UInt8(total - 512)], Array(file[512..<total]) + sw9000),
        ])
        let outcome = try await CardAccessReader.read(channel: APDUChannel(transport: transport))
        #expect(outcome == .found(Array(file[0..<total])))
    }

    @Test func noPACEWithCANIsAnErrorNotBAC() async throws {
        let transport = replay([(readBySFI, [0x6A, 0x82]), (selectEF, [0x6A, 0x82]), (selectMF, [0x6A, 0x82])])
        await #expect(throws: AccessControlError.self) {
            try await AccessControl.establish(channel: APDUChannel(transport: transport), key: .can("123456"))
        }
    }

    @Test func cardWithoutPACEUsesBACAndSaysSo() async throws {
        let v = try Vectors.section("bac")
        let key = try MRZKeyInput(documentNumber: "L898902C", dateOfBirth: "690806", dateOfExpiry: "940623")
        let transport = replay([
            (readBySFI, [0x6A, 0x82]), (selectEF, [0x6A, 0x82]), (selectMF, [0x6A, 0x82]),
            (AccessControl.selectApplicationCommand().bytesForTest, sw9000),
            (try v.hex("get_challenge_apdu"), try v.hex("rnd_ic") + sw9000),
            (try v.hex("external_authenticate_apdu"), try v.hex("resp_data") + sw9000),
        ])
        let random = QueuedRandomSource([try v.hex("rnd_ifd"), try v.hex("k_ifd")])
        let result = try await AccessControl.establish(
            channel: APDUChannel(transport: transport), key: .mrz(key), random: random)
        #expect(result.protocolUsed == .bac)
        #expect(result.secureMessaging.ssc.bytes == (try v.hex("ssc")))
        try transport.assertFinished()
    }

    @Test func paceOfferedMeansPACEAndWrongKeyNeverFallsBack() async throws {
        // The card offers PACE (App. G.1 EF.CardAccess); the chip rejects the token with 63 00.
        // Even with BAC fallback allowed, a wrong key must surface as wrongAccessKey.
        let v = try Vectors.section("pace_gm_ecdh_brainpoolp256r1")
        let algorithm = try #require(PACEAlgorithm(oid: "0.4.0.127.0.7.2.2.4.2.2"))
        let brainpool = DomainParameters.ec(try ECGroup(curve: .brainpoolP256r1))
        let transport = replay([
            (readBySFI, try v.hex("ef_cardaccess_as_used_by_gmrtd_dmrtd") + sw9000),
            (PACECommands.mseSetAT(algorithm: algorithm, passwordReference: 1, parameterID: 13).bytesForTest, sw9000),
            (try v.hex("ga1_apdu"), try v.hex("ga1_response")),
            (try v.hex("ga2_apdu"), try v.hex("ga2_response")),
            (try v.hex("ga3_apdu"), try v.hex("ga3_response")),
            (try v.hex("ga4_apdu"), [0x63, 0xC1]),
        ])
        let random = QueuedRandomSource([
            try randomBytes(producing: v.hex("terminal_mapping_private_key"), domain: brainpool),
            try randomBytes(producing: v.hex("terminal_ephemeral_private_key"), domain: brainpool),
        ])
        let key = try MRZKeyInput(documentNumber: "T22000129", dateOfBirth: "640812", dateOfExpiry: "101031")
        await #expect(throws: AccessControlError.wrongAccessKey(retriesLeft: 1)) {
            try await AccessControl.establish(
                channel: APDUChannel(transport: transport), key: .mrz(key),
                policy: AccessPolicy(allowBACFallback: true), random: random)
        }
    }

    @Test func paceSuccessReportsPACE() async throws {
        let v = try Vectors.section("pace_gm_ecdh_brainpoolp256r1")
        let algorithm = try #require(PACEAlgorithm(oid: "0.4.0.127.0.7.2.2.4.2.2"))
        let brainpool = DomainParameters.ec(try ECGroup(curve: .brainpoolP256r1))
        let transport = replay([
            (readBySFI, try v.hex("ef_cardaccess_as_used_by_gmrtd_dmrtd") + sw9000),
            (PACECommands.mseSetAT(algorithm: algorithm, passwordReference: 1, parameterID: 13).bytesForTest, sw9000),
            (try v.hex("ga1_apdu"), try v.hex("ga1_response")),
            (try v.hex("ga2_apdu"), try v.hex("ga2_response")),
            (try v.hex("ga3_apdu"), try v.hex("ga3_response")),
            (try v.hex("ga4_apdu"), try v.hex("ga4_response")),
        ])
        let random = QueuedRandomSource([
            try randomBytes(producing: v.hex("terminal_mapping_private_key"), domain: brainpool),
            try randomBytes(producing: v.hex("terminal_ephemeral_private_key"), domain: brainpool),
        ])
        let key = try MRZKeyInput(documentNumber: "T22000129", dateOfBirth: "640812", dateOfExpiry: "101031")
        let result = try await AccessControl.establish(
            channel: APDUChannel(transport: transport), key: .mrz(key),
            policy: AccessPolicy(selectApplication: false), random: random)
        #expect(result.protocolUsed == .pace(algorithm, parameterID: 13))
        #expect(try result.secureMessaging.keys.macKey == v.hex("ks_mac"))
        #expect(!result.cardAccessAssumed)
        try transport.assertFinished()
    }
}
