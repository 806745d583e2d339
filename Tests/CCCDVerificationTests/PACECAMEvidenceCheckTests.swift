import CCCDChipAuthentication
import CCCDLDS
import CCCDProtocols
import CCCDTestData
import CCCDVerification
import Foundation
import Testing

/// PACE-CAM re-checked from recorded evidence (issue 15, item 3): ICAO 9303-11 App. I's worked
/// example (brainpoolP256r1) with PK_IC in an EF.CardSecurity signed by the test document signer.
/// Valid only when the key's file is the issuer's; altered data, a broken signature, an untrusted
/// chain or an unsigned DG14 never give `valid`.
@Suite("PACE-CAM evidence")
struct PACECAMEvidenceCheckTests {
    static func evidence() throws -> (ChipAuthenticationEvidence, [UInt8]) {
        let e = try PACECAMVerifierTests.example()
        let evidence = ChipAuthenticationEvidence(
            mappingKey: e.chip.chipMappingPublicKey, caIC: e.chip.chipAuthenticationData)
        return (evidence, try PACECAMVerifierTests.cardSecurity(e.keyInfos))
    }

    /// A passive result whose DG14 check is `dg14` (the CardSecurity path does not consult it).
    static func passive(dg14: DataGroupCheck?, status reasons: [VerificationReason] = []) -> PassiveAuthenticationResult {
        PassiveAuthenticationResult(
            reasons: reasons, dataGroups: dg14.map { [14: $0] } ?? [:], hashAlgorithm: nil, signatureAlgorithm: nil,
            documentSigner: nil, trustAnchor: nil, verificationTime: Date())
    }

    static func check(
        _ evidence: ChipAuthenticationEvidence, _ files: [LDSFile: [UInt8]], trust: TrustStore = Fixtures.testTrust,
        passive: PassiveAuthenticationResult = passive(dg14: nil)
    ) -> AuthenticationResult {
        PACECAMEvidenceCheck.verify(evidence, files: files, passive: passive, trustStore: trust)
    }

    @Test func genuineEvidenceVerifiesWithTheSignedCardSecurity() throws {
        let (evidence, cardSecurity) = try Self.evidence()
        let result = Self.check(evidence, [.cardSecurity: cardSecurity])
        #expect(result.status == .valid, "\(result.reasons)")
        #expect(result.method == "PACE-CAM, key from EF.CardSecurity")
        // The result carries what a further verifier needs.
        #expect(result.chipEvidence?.mappingKey == evidence.mappingKey && result.chipEvidence?.caIC == evidence.caIC)
    }

    @Test func alteredCAICOrMappingKeyIsInvalid() throws {
        let (evidence, cardSecurity) = try Self.evidence()
        for index in [0, 15, 31] {
            var altered = evidence
            altered.caIC![index] ^= 0x01
            let result = Self.check(altered, [.cardSecurity: cardSecurity])
            #expect(result.status == .invalid && result.reasons.map(\.code) == [.chipAuthenticationDataMismatch])
        }
        for index in [1, 32, 64] {
            var altered = evidence
            altered.mappingKey![index] ^= 0x01
            let result = Self.check(altered, [.cardSecurity: cardSecurity])
            #expect(result.status == .invalid && result.reasons.map(\.code) == [.chipAuthenticationDataMismatch])
        }
    }

    @Test func cardSecurityWithABrokenSignatureIsNeverValid() throws {
        let (evidence, cardSecurity) = try Self.evidence()
        // The last bytes are the end of the ECDSA signature value: the CMS still parses.
        var broken = cardSecurity
        broken[broken.count - 1] ^= 0x01
        let result = Self.check(evidence, [.cardSecurity: broken])
        #expect(result.status == .invalid, "\(result.reasons)")
        #expect(result.reasons.contains { $0.code == .securityInfosUnauthenticated && $0.severity == .failure })
        // A signer no trusted CSCA issued: the key is not known to be the issuer's.
        let untrusted = Self.check(evidence, [.cardSecurity: cardSecurity], trust: .empty)
        #expect(untrusted.status == .notPerformed, "\(untrusted.reasons)")
        #expect(untrusted.reasons.contains { $0.code == .securityInfosUnauthenticated })
    }

    @Test func keyFromDG14CountsOnlyWhenEFSODCoversIt() throws {
        let e = try PACECAMVerifierTests.example()
        let (evidence, _) = try Self.evidence()
        let files: [LDSFile: [UInt8]] = [.dataGroup(.dg14): try LDSBuilder.dg14(securityInfos: e.keyInfos)]
        let covered = Self.check(evidence, files, passive: Self.passive(dg14: .valid))
        #expect(covered.status == .valid && covered.method == "PACE-CAM, key from DG14", "\(covered.reasons)")
        for check in [DataGroupCheck.hashMismatch, .notInSecurityObject, .unchecked] {
            let result = Self.check(evidence, files, passive: Self.passive(dg14: check))
            #expect(result.status == .invalid && result.reasons.last?.code == .dataGroupNotInSecurityObject)
        }
        let badSOD = Self.check(
            evidence, files,
            passive: Self.passive(dg14: .valid, status: [VerificationReason(.signatureInvalid, .failure, "EF.SOD")]))
        #expect(badSOD.status == .invalid)
        // No key file at all: nothing is claimed.
        #expect(Self.check(evidence, [:]).status == .notPerformed)
    }

    @Test func evidenceRoundTripsThroughTheResultJSON() throws {
        let (evidence, cardSecurity) = try Self.evidence()
        var recorded = evidence
        recorded.protocolOID = "0.4.0.127.0.7.2.2.4.6.2"
        recorded.domainParameterId = 13
        let chip = PACECAMVerifier.verify(.init(recorded), cardSecurity: cardSecurity, dg14: nil)
        #expect(chip.chipEvidence?.protocolName == "id-PACE-ECDH-CAM-AES-CBC-CMAC-128")
        let data = try JSONEncoder().encode(chip)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let encoded = try #require(object["evidence"] as? [String: Any])
        #expect(encoded["protocol"] as? String == "0.4.0.127.0.7.2.2.4.6.2" && encoded["domainParameterId"] as? Int == 13)
        #expect(encoded["caIC"] as? String == Data(evidence.caIC!).base64EncodedString())
        let decoded = try JSONDecoder().decode(AuthenticationResult.self, from: data)
        #expect(decoded == chip && decoded.evidence == nil)
        // AA evidence keeps decoding as AA evidence.
        let active = AuthenticationResult(
            status: .valid, evidence: ActiveAuthenticationEvidence(challenge: [1, 2], response: [3]))
        let back = try JSONDecoder().decode(AuthenticationResult.self, from: try JSONEncoder().encode(active))
        #expect(back == active && back.chipEvidence == nil)
    }

    @Test func dumpFolderReadsBothCAMFilesOrRefusesHalf() throws {
        let (evidence, cardSecurity) = try Self.evidence()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cam-dump-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(cardSecurity).write(to: folder.appendingPathComponent("EF.CardSecurity.bin"))
        #expect(try DumpFolder(folder: folder).chipAuthentication == nil)
        try Data(evidence.mappingKey!).write(to: folder.appendingPathComponent(ChipAuthenticationEvidence.mappingKeyFileName))
        #expect(throws: DumpFolderError.unreadable(ChipAuthenticationEvidence.caICFileName)) { try DumpFolder(folder: folder) }
        try Data(evidence.caIC!).write(to: folder.appendingPathComponent(ChipAuthenticationEvidence.caICFileName))
        let dump = try DumpFolder(folder: folder)
        #expect(dump.chipAuthentication?.caIC == evidence.caIC)
        let report = OfflineVerification.verify(dump, trustStore: Fixtures.testTrust)
        #expect(report.chip.status == .valid, "\(report.chip)")
    }
}
