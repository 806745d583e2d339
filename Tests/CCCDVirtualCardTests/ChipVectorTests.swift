import CCCDCrypto
import CCCDPrimitives
import CCCDTestSupport
import CCCDTransport
import CCCDVirtualCard
import Foundation
import Testing

/// The chip side reproduces the ICAO 9303-11 worked examples byte for byte when its random
/// values are the examples' (TestVectors/icao9303/icao9303-vectors.json): this checks the chip
/// against the standard, not against our reader.
@Suite struct ChipWorkedExamples {
    static func section(_ name: String) throws -> [String: Any] {
        let root = try ICAOVectors.load()
        return try #require(root[name] as? [String: Any])
    }

    static func hex(_ s: [String: Any], _ key: String) throws -> [UInt8] {
        let text = try #require(s[key] as? String, "\(key)")
        return try #require(Hex.decode(text), "\(key)")
    }

    func fileSystem(efCOM: [UInt8]) -> CardFileSystem {
        CardFileSystem(applications: [
            DedicatedFile(aid: CardFileSystem.eMRTDApplicationID, files: [ElementaryFile(fid: 0x011E, sfi: 0x1E, contents: efCOM)])
        ])
    }

    @Test func bacAndSecureMessagingOfAppendixD() throws {
        let bac = try Self.section("bac")
        let sm = try Self.section("sm_3des_bac")
        let configuration = ChipConfiguration(
            mrz: MRZKeyInformation(documentNumber: "L898902C", dateOfBirth: "690806", dateOfExpiry: "940623"), pace: [],
            profile: .shortOnly)
        let chip = try EMRTDChip(
            configuration: configuration, fileSystem: fileSystem(efCOM: try Self.hex(sm, "ef_com")),
            random: QueuedChipRandom([try Self.hex(bac, "rnd_ic"), try Self.hex(bac, "k_ic")]))
        let card = chip.card
        card.powerOn()
        #expect(card.process([0x00, 0xA4, 0x04, 0x0C, 0x07] + CardFileSystem.eMRTDApplicationID) == [0x90, 0x00])
        #expect(card.process(try Self.hex(bac, "get_challenge_apdu")) == (try Self.hex(bac, "rnd_ic")) + [0x90, 0x00])
        #expect(card.process(try Self.hex(bac, "external_authenticate_apdu")) == (try Self.hex(bac, "resp_data")) + [0x90, 0x00])
        let steps = try #require(sm["steps"] as? [[String: Any]])
        for step in steps {
            #expect(card.process(try Self.hex(step, "protected_apdu")) == (try Self.hex(step, "rapdu")), "\(step["name"] ?? "")")
        }
        #expect(chip.isSecureMessagingActive)
    }

    /// Drives the four GENERAL AUTHENTICATE steps with the terminal's values of a worked example
    /// and compares every chip answer.
    func runPACE(offer: PACEOffer, configuration: ChipConfiguration, random: [[UInt8]], passwordReference: UInt8,
                 expectedZ: [UInt8], terminalMapping: [UInt8], expectedChipMapping: [UInt8]?,
                 terminalEphemeral: [UInt8], expectedChipEphemeral: [UInt8], terminalToken: [UInt8],
                 expectedChipToken: [UInt8], expectedCAData: [UInt8]? = nil) throws
    {
        let chip = try EMRTDChip(
            configuration: configuration, fileSystem: fileSystem(efCOM: [0x60, 0x00]), random: QueuedChipRandom(random))
        let card = chip.card
        card.powerOn()
        func tlv(_ tag: UInt8, _ value: [UInt8]) -> [UInt8] {
            value.count < 0x80 ? [tag, UInt8(value.count)] + value
                : value.count < 0x100 ? [tag, 0x81, UInt8(value.count)] + value
                : [tag, 0x82, UInt8(value.count >> 8), UInt8(value.count & 0xFF)] + value
        }
        func ga(_ cla: UInt8, _ inner: [UInt8]) throws -> [UInt8] {
            try CommandAPDU(cla: cla, ins: 0x86, p1: 0, p2: 0, data: tlv(0x7C, inner), ne: 256).encoded()
        }
        let oid = [0x04, 0x00, 0x7F, 0x00, 0x07, 0x02, 0x02, 0x04] + [UInt8(offer.oidArcs[9]), UInt8(offer.oidArcs[10])]
        let mse = try CommandAPDU(cla: 0, ins: 0x22, p1: 0xC1, p2: 0xA4, data: tlv(0x80, oid) + [0x83, 0x01, passwordReference])
        #expect(card.process(try mse.encoded()) == [0x90, 0x00])
        #expect(card.process(try ga(0x10, [])) == tlv(0x7C, tlv(0x80, expectedZ)) + [0x90, 0x00])
        let mappingAnswer = expectedChipMapping.map { tlv(0x82, $0) } ?? []
        #expect(card.process(try ga(0x10, tlv(0x81, terminalMapping))) == tlv(0x7C, mappingAnswer) + [0x90, 0x00])
        #expect(card.process(try ga(0x10, tlv(0x83, terminalEphemeral))) == tlv(0x7C, tlv(0x84, expectedChipEphemeral)) + [0x90, 0x00])
        var last = tlv(0x86, expectedChipToken)
        if let expectedCAData { last += tlv(0x8A, expectedCAData) }
        #expect(card.process(try ga(0x00, tlv(0x85, terminalToken))) == tlv(0x7C, last) + [0x90, 0x00])
        #expect(chip.isSecureMessagingActive)
    }

    @Test func paceGenericMappingECDHOfAppendixG1() throws {
        let v = try Self.section("pace_gm_ecdh_brainpoolp256r1")
        let h = { (k: String) throws -> [UInt8] in try Self.hex(v, k) }
        let mrz = MRZKeyInformation(documentNumber: "T22000129", dateOfBirth: "640812", dateOfExpiry: "101031")
        let chip = ChipConfiguration(mrz: mrz, offersBAC: false)
        // The MSE:Set AT of the example has no tag 84: the chip takes its only offer of that OID.
        try runPACE(
            offer: .cccd, configuration: chip,
            random: [h("decrypted_nonce_s"), h("chip_mapping_private_key"), h("chip_ephemeral_private_key")],
            passwordReference: 1, expectedZ: h("encrypted_nonce_z"),
            terminalMapping: [4] + h("terminal_mapping_public_key_x") + h("terminal_mapping_public_key_y"),
            expectedChipMapping: [4] + h("chip_mapping_public_key_x") + h("chip_mapping_public_key_y"),
            terminalEphemeral: [4] + h("terminal_ephemeral_public_key_x") + h("terminal_ephemeral_public_key_y"),
            expectedChipEphemeral: [4] + h("chip_ephemeral_public_key_x") + h("chip_ephemeral_public_key_y"),
            terminalToken: h("t_ifd"), expectedChipToken: h("t_ic"))
    }

    @Test func paceGenericMappingDHOfAppendixG2() throws {
        let v = try Self.section("pace_gm_dh_modp1024")
        let h = { (k: String) throws -> [UInt8] in try Self.hex(v, k) }
        let mrz = MRZKeyInformation(documentNumber: "T22000129", dateOfBirth: "640812", dateOfExpiry: "101031")
        let offer = PACEOffer(keyAgreement: .dh, mapping: .generic, cipher: .aes128, parameterID: 0)
        try runPACE(
            offer: offer, configuration: ChipConfiguration(mrz: mrz, offersBAC: false, pace: [offer]),
            random: [h("decrypted_nonce_s"), h("chip_mapping_private_key"), h("chip_ephemeral_private_key")],
            passwordReference: 1, expectedZ: h("encrypted_nonce_z"),
            terminalMapping: h("terminal_mapping_public_key"), expectedChipMapping: h("chip_mapping_public_key"),
            terminalEphemeral: h("terminal_ephemeral_public_key"), expectedChipEphemeral: h("chip_ephemeral_public_key"),
            terminalToken: h("t_ifd"), expectedChipToken: h("t_ic"))
    }

    @Test func paceIntegratedMappingECDHOfAppendixH1() throws {
        let v = try Self.section("pace_im_ecdh_brainpoolp256r1")
        let h = { (k: String) throws -> [UInt8] in try Self.hex(v, k) }
        let offer = PACEOffer(mapping: .integrated)
        try runPACE(
            offer: offer, configuration: ChipConfiguration(can: "123456", offersBAC: false, pace: [offer]),
            random: [h("decrypted_nonce_s"), h("chip_private_key")], passwordReference: 2,
            expectedZ: h("encrypted_nonce_z"), terminalMapping: h("nonce_t"), expectedChipMapping: nil,
            terminalEphemeral: [4] + h("terminal_public_key_x") + h("terminal_public_key_y"),
            expectedChipEphemeral: [4] + h("chip_public_key_x") + h("chip_public_key_y"),
            terminalToken: h("t_ifd"), expectedChipToken: h("t_ic"))
    }

    @Test func paceChipAuthenticationMappingOfAppendixI() throws {
        let v = try Self.section("pace_cam_ecdh_brainpoolp256r1")
        let h = { (k: String) throws -> [UInt8] in try Self.hex(v, k) }
        // The example gives PK_IC, not SK_IC: SK_IC = SK_map,IC · CA_IC⁻¹ mod n.
        let group = try ECGroup(curve: .brainpoolP256r1)
        let n = try ModularField(modulus: group.order())
        let skIC = try n.multiply(BigNumber(bytes: h("chip_mapping_private_key")),
                                  n.inverse(BigNumber(bytes: h("decrypted_chip_authentication_data_ca_ic"))))
        let caKey = ChipAuthenticationKey(parameterID: 13, privateKey: Hex.encode(try skIC.bytes(paddedTo: 32)))
        #expect(try caKey.publicKey() == [4] + h("pk_ic_x") + h("pk_ic_y"))
        // The example's chip ephemeral key exceeds n; the chip draws keys below n, so queue k mod n
        // (the same point).
        let ephemeral = try n.reduce(BigNumber(bytes: h("chip_ephemeral_private_key"))).bytes(paddedTo: 32)
        let offer = PACEOffer(mapping: .chipAuthentication)
        let mrz = MRZKeyInformation(documentNumber: "C11T002JM", dateOfBirth: "960812", dateOfExpiry: "231031")
        try runPACE(
            offer: offer,
            configuration: ChipConfiguration(mrz: mrz, offersBAC: false, pace: [offer], chipAuthenticationKey: caKey),
            random: [h("decrypted_nonce_s"), h("chip_mapping_private_key"), ephemeral],
            passwordReference: 1, expectedZ: h("encrypted_nonce_z"),
            terminalMapping: [4] + h("terminal_mapping_public_key_x") + h("terminal_mapping_public_key_y"),
            expectedChipMapping: [4] + h("chip_mapping_public_key_x") + h("chip_mapping_public_key_y"),
            terminalEphemeral: [4] + h("terminal_ephemeral_public_key_x") + h("terminal_ephemeral_public_key_y"),
            expectedChipEphemeral: [4] + h("chip_ephemeral_public_key_x") + h("chip_ephemeral_public_key_y"),
            terminalToken: h("t_ifd"), expectedChipToken: h("t_ic"),
            expectedCAData: h("encrypted_chip_authentication_data"))
    }
}
