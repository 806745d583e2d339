import CCCDCrypto
import CCCDLDS
import CCCDProtocols
import CCCDTransport
import CCCDVirtualCard
import Testing

/// PACE variants beyond the CCCD default: other curves and ciphers, DH, integrated mapping, CAM.
@Suite struct EMRTDChipPACEVariants {
    /// Runs the access procedure with the CAN on a chip offering only `offer`, checks the protocol
    /// reported and reads DG1 under the new session.
    @discardableResult
    func run(_ offer: PACEOffer, caKey: ChipAuthenticationKey? = nil, key: AccessKey = .can(ChipFixtures.can))
        async throws -> AccessResult
    {
        let (_, ch) = try ChipFixtures.chip(ChipFixtures.configuration(pace: [offer], caKey: caKey))
        let result = try await AccessControl.establish(channel: ch, key: key)
        let algorithm = try #require(PACEAlgorithm(oid: offer.oidArcs.map(String.init).joined(separator: ".")))
        #expect(result.protocolUsed == .pace(algorithm, parameterID: offer.parameterID))
        let sm = SecureChannel(channel: ch, state: result.secureMessaging)
        #expect(try await sm.send(ChipFixtures.readBinary(sfi: 0x01, ne: 256)).data == ChipFixtures.dg1)
        return result
    }

    static let curvesAndCiphers: [(Int, ChipCipher)] = [
        (12, .aes128), (16, .aes192), (18, .aes256), (8, .tripleDES), (9, .aes128), (10, .aes128), (11, .aes256),
        (14, .aes128), (15, .aes256), (17, .aes256),
    ]

    @Test(arguments: curvesAndCiphers)
    func genericMappingECDH(parameterID: Int, cipher: ChipCipher) async throws {
        try await run(PACEOffer(keyAgreement: .ecdh, mapping: .generic, cipher: cipher, parameterID: parameterID))
    }

    @Test(arguments: [(0, ChipCipher.aes128), (1, .tripleDES), (2, .aes256)])
    func genericMappingDH(parameterID: Int, cipher: ChipCipher) async throws {
        try await run(PACEOffer(keyAgreement: .dh, mapping: .generic, cipher: cipher, parameterID: parameterID))
    }

    @Test(arguments: [(13, ChipCipher.aes128), (12, .tripleDES), (16, .aes192), (18, .aes256)])
    func integratedMappingECDH(parameterID: Int, cipher: ChipCipher) async throws {
        try await run(PACEOffer(keyAgreement: .ecdh, mapping: .integrated, cipher: cipher, parameterID: parameterID))
    }

    @Test(arguments: [(0, ChipCipher.aes128), (2, .aes256)])
    func integratedMappingDH(parameterID: Int, cipher: ChipCipher) async throws {
        try await run(PACEOffer(keyAgreement: .dh, mapping: .integrated, cipher: cipher, parameterID: parameterID))
    }

    @Test func integratedMappingWithMRZ() async throws {
        try await run(PACEOffer(mapping: .integrated), key: ChipFixtures.readerMRZ())
    }

    @Test(arguments: [(13, ChipCipher.aes128), (12, .aes256)])
    func chipAuthenticationMapping(parameterID: Int, cipher: ChipCipher) async throws {
        let caKey = try ChipAuthenticationKey.generate(parameterID: parameterID)
        let result = try await run(
            PACEOffer(keyAgreement: .ecdh, mapping: .chipAuthentication, cipher: cipher, parameterID: parameterID),
            caKey: caKey)
        let pace = try #require(result.pace)
        let caData = try #require(pace.chipAuthenticationData)
        let mapping = try #require(pace.chipMappingPublicKey)
        let group = try ECGroup(curve: parameterID == 13 ? .brainpoolP256r1 : .p256)
        // CA_IC × PK_IC = PK_map,IC: the chip proved it holds the configured CA key…
        #expect(try ChipAuthenticationMapping.verify(
            chipAuthenticationData: caData, chipStaticPublicKey: caKey.publicKey(), chipMappingPublicKey: mapping,
            group: group))
        // …and no other.
        let other = try ChipAuthenticationKey.generate(parameterID: parameterID)
        #expect(try !ChipAuthenticationMapping.verify(
            chipAuthenticationData: caData, chipStaticPublicKey: other.publicKey(), chipMappingPublicKey: mapping,
            group: group))
    }

    @Test func wrongPasswordWithEveryMapping() async throws {
        for offer in [PACEOffer(mapping: .integrated), PACEOffer(keyAgreement: .dh, mapping: .generic, parameterID: 0)] {
            let (_, ch) = try ChipFixtures.chip(ChipFixtures.configuration(pace: [offer]))
            await #expect(throws: AccessControlError.wrongAccessKey(retriesLeft: nil)) {
                try await AccessControl.establish(channel: ch, key: .can("000000"))
            }
        }
    }

    @Test func readerPicksGenericMappingAmongSeveralOffers() async throws {
        let offers = [PACEOffer(mapping: .integrated), PACEOffer(keyAgreement: .dh, mapping: .generic, parameterID: 2), .cccd]
        let (_, ch) = try ChipFixtures.chip(ChipFixtures.configuration(pace: offers))
        let result = try await AccessControl.establish(channel: ch, key: .can(ChipFixtures.can))
        #expect(result.protocolUsed == .pace(EMRTDChipAccess.gmAES128, parameterID: 13))
    }
}
