import CCCDChipAuthentication
import CCCDLDS
import CCCDProtocols
import CCCDTestData
import CCCDVerification
import Foundation
import Testing

/// The terminal's PACE-CAM check (ICAO 9303-11 §4.4.3.5) with the worked example of App. I, and
/// where the chip key comes from: EF.CardSecurity first, DG14 otherwise, never a silent fallback.
@Suite("PACE-CAM verification")
struct PACECAMVerifierTests {
    struct Example {
        var chip: PACECAMVerifier.ChipData
        /// The example's ChipAuthenticationPublicKeyInfo as a SET OF SecurityInfo.
        var keyInfos: [UInt8]
    }

    static func example() throws -> Example {
        let v = try Fixtures.vectorsJSON()["pace_cam_ecdh_brainpoolp256r1"] as! [String: Any]
        func hex(_ key: String) -> [UInt8] { Fixtures.hex(v[key] as! String) }
        let mapping = [0x04] + hex("chip_mapping_public_key_x") + hex("chip_mapping_public_key_y")
        return Example(
            chip: .init(chipAuthenticationData: hex("decrypted_chip_authentication_data_ca_ic"), chipMappingPublicKey: mapping),
            keyInfos: LDSBuilder.securityInfos([hex("chip_authentication_public_key_info")]))
    }

    /// An EF.CardSecurity holding `securityInfos`, signed by the test document signer.
    static func cardSecurity(_ securityInfos: [UInt8]) throws -> [UInt8] {
        let pki = try Fixtures.pki()
        return try CMSSigner.sign(
            content: securityInfos, contentType: ObjectIdentifiers.securityObject, signer: try pki.certificate("dsc-ecdsa"),
            key: try pki.key("dsc-ecdsa"), scheme: SigningScheme(hash: "SHA256"))
    }

    /// A DG14 whose only chip key is not the example's (the default data set's).
    static func otherDG14() throws -> [UInt8] { try Fixtures.dataGroups("default")[14]! }

    @Test func exampleVerifiesWithTheKeyFromEFCardSecurity() throws {
        let e = try Self.example()
        let cardSecurity = try Self.cardSecurity(e.keyInfos)
        // EF.CardSecurity is where ICAO puts PACE-CAM's key: it wins over a DG14 with another key.
        let good = PACECAMVerifier.verify(e.chip, cardSecurity: cardSecurity, dg14: try Self.otherDG14())
        #expect(good.status == .valid, "\(good.reasons)")
        #expect(good.method == "PACE-CAM, key from EF.CardSecurity")

        var wrong = e.chip
        wrong.chipAuthenticationData?[5] ^= 1
        let bad = PACECAMVerifier.verify(wrong, cardSecurity: cardSecurity, dg14: nil)
        #expect(bad.status == .invalid && bad.method == "PACE-CAM")
        #expect(bad.reasons.map(\.code) == [.chipAuthenticationDataMismatch], "\(bad.reasons)")
    }

    @Test func exampleVerifiesWithTheKeyFromDG14() throws {
        let e = try Self.example()
        let dg14 = try LDSBuilder.dg14(securityInfos: e.keyInfos)
        let good = PACECAMVerifier.verify(e.chip, cardSecurity: nil, dg14: dg14)
        #expect(good.status == .valid, "\(good.reasons)")
        #expect(good.method == "PACE-CAM, key from DG14")
        // A chip whose key is not DG14's (a clone) fails.
        let clone = PACECAMVerifier.verify(e.chip, cardSecurity: nil, dg14: try Self.otherDG14())
        #expect(clone.status == .invalid)
        #expect(clone.reasons.contains { $0.code == .chipAuthenticationDataMismatch && $0.message.contains("clone") })
    }

    @Test func failsClosed() throws {
        let e = try Self.example()
        let dg14 = try LDSBuilder.dg14(securityInfos: e.keyInfos)
        // An EF.CardSecurity that does not decode is not skipped for DG14.
        let broken = PACECAMVerifier.verify(e.chip, cardSecurity: [0x30, 0x03, 0x02, 0x01, 0x00], dg14: dg14)
        #expect(broken.status == .invalid && broken.reasons.map(\.code) == [.cardSecurityMalformed])
        let badDG14 = PACECAMVerifier.verify(e.chip, cardSecurity: nil, dg14: [0x6E, 0x01, 0x00])
        #expect(badDG14.status == .invalid && badDG14.reasons.map(\.code) == [.securityInfosMalformed])
        // No chip data from PACE, or a truncated one.
        for chip in [PACECAMVerifier.ChipData(chipAuthenticationData: nil, chipMappingPublicKey: e.chip.chipMappingPublicKey),
                     PACECAMVerifier.ChipData(chipAuthenticationData: [], chipMappingPublicKey: e.chip.chipMappingPublicKey),
                     PACECAMVerifier.ChipData(chipAuthenticationData: e.chip.chipAuthenticationData, chipMappingPublicKey: nil),
                     PACECAMVerifier.ChipData(chipAuthenticationData: e.chip.chipAuthenticationData,
                                              chipMappingPublicKey: [0x04, 0x01, 0x02])]
        {
            let result = PACECAMVerifier.verify(chip, cardSecurity: nil, dg14: dg14)
            #expect(result.status == .invalid, "\(chip)")
        }
        // A key file without an ECDH chip key (a PACEInfo only).
        let paceOnly = LDSBuilder.securityInfos([try LDSBuilder.protocolInfo(oid: "0.4.0.127.0.7.2.2.4.6.2", version: 2, id: 13)])
        let noKey = PACECAMVerifier.verify(e.chip, cardSecurity: try Self.cardSecurity(paceOnly), dg14: dg14)
        #expect(noKey.status == .invalid && noKey.reasons.map(\.code) == [.publicKeyMissing])
        // Neither file read: nothing is claimed.
        let unknown = PACECAMVerifier.verify(e.chip, cardSecurity: nil, dg14: nil)
        #expect(unknown.status == .notPerformed && unknown.method == "PACE-CAM")
    }
}
