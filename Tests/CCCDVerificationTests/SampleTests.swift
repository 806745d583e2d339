import CCCDLDS
import CCCDProtocols
import CCCDTestSupport
import CCCDVerification
import Foundation
import Testing

/// The public samples verify as ../shared/samples/README.md says.
@Suite(
    "Passive authentication of the public samples",
    .enabled(if: SharedFolder.available("samples"), "needs ../shared/samples (not found)"))
struct SampleTests {
    @Test func bsi2008PassportIsIntactButUntrusted() throws {
        let groups = [
            1: try Fixtures.sample("bsi2008_jmrtd/Datagroup1.bin"), 2: try Fixtures.sample("bsi2008_jmrtd/Datagroup2.bin"),
            3: try Fixtures.sample("bsi2008_jmrtd/Datagroup3.bin"), 14: try Fixtures.sample("bsi2008_jmrtd/Datagroup14.bin"),
        ]
        let result = Fixtures.verify(
            sod: try Fixtures.sample("bsi2008_jmrtd/EF_SOD.bin"), groups: groups, trust: .empty)
        #expect(result.status == .untrusted)
        #expect(result.dataGroups.values.allSatisfy { $0 == .valid })
        #expect(!result.has(.signatureInvalid) && !result.has(.messageDigestMismatch))
        #expect(result.has(.certificateChainUntrusted))
        #expect(result.signatureAlgorithm?.contains("ECDSA") == true)
        #expect(result.hashAlgorithm == "SHA1")
    }

    @Test func bsi2008DG15IsNotInTheSOD() throws {
        let groups = [15: try Fixtures.sample("bsi2008_jmrtd/Datagroup15.bin")]
        let result = Fixtures.verify(sod: try Fixtures.sample("bsi2008_jmrtd/EF_SOD.bin"), groups: groups, trust: .empty)
        #expect(result.status == .invalid)
        #expect(result.dataGroups[15] == .notInSecurityObject)
        #expect(result.has(.dataGroupNotInSecurityObject))
    }

    @Test func bsiTR03105RSAPSS() throws {
        let groups = [
            1: try Fixtures.sample("pymrtd_tests/BSI_TR-03105-5_DG1.bin"), 2: try Fixtures.sample("bsi2008_jmrtd/Datagroup2.bin"),
            3: try Fixtures.sample("bsi2008_jmrtd/Datagroup3.bin"), 4: try Fixtures.sample("bsi2008_jmrtd/Datagroup4.bin"),
            14: try Fixtures.sample("pymrtd_tests/BSI_TR-03105-5_DG14.bin"),
        ]
        let result = Fixtures.verify(
            sod: try Fixtures.sample("pymrtd_tests/BSI_TR-03105-5_EF_SOD.bin"), groups: groups, trust: .empty)
        #expect(result.status == .untrusted, "\(result.reasons)")
        #expect(result.dataGroups.values.allSatisfy { $0 == .valid })
        #expect(result.signatureAlgorithm?.contains("PSS") == true)
    }

    @Test func etsiRSAPSS() throws {
        let groups = [
            1: try Fixtures.sample("pymrtd_tests/ETSI_TR103200_EACAA_DG1.bin"), 2: try Fixtures.sample("bsi2008_jmrtd/Datagroup2.bin"),
            3: try Fixtures.sample("bsi2008_jmrtd/Datagroup3.bin"), 4: try Fixtures.sample("bsi2008_jmrtd/Datagroup4.bin"),
            14: try Fixtures.sample("pymrtd_tests/ETSI_TR103200_EACAA_DG14.bin"),
            15: try Fixtures.sample("pymrtd_tests/ETSI_TR103200_EACAA_DG15.bin"),
        ]
        let result = Fixtures.verify(
            sod: try Fixtures.sample("pymrtd_tests/ETSI_TR103200_EACAA_EF_SOD.bin"), groups: groups, trust: .empty)
        #expect(result.status == .untrusted, "\(result.reasons)")
        #expect(result.dataGroups.values.allSatisfy { $0 == .valid })
    }

    @Test func dutch2006() throws {
        let groups = [
            1: try Fixtures.sample("loes2006_jmrtd/ef0101.bin"), 2: try Fixtures.sample("loes2006_jmrtd/ef0102.bin"),
            15: try Fixtures.sample("loes2006_jmrtd/ef010F.bin"),
        ]
        let result = Fixtures.verify(sod: try Fixtures.sample("loes2006_jmrtd/ef011D.bin"), groups: groups, trust: .empty)
        #expect(result.status == .untrusted, "\(result.reasons)")
        #expect(result.dataGroups.values.allSatisfy { $0 == .valid })
    }

    /// The one sample with a complete chain: EF.CardSecurity → DS → CSCA 013 (explicit brainpool).
    @Test func germanEIDCardSecurityChainsToCSCA013() throws {
        let signedData = try SignedDataParser.parse(
            contentInfo: try Fixtures.sample("openpace_eactest/DE_eID_EF.CardSecurity.bin"))
        let store = TrustStoreLoader.load(paths: [Fixtures.samples.appendingPathComponent("openpace_eactest/csca-germany-013_self_signed.cer")])
        #expect(store.anchors.count == 1)
        let csca = try #require(store.anchors.first)
        #expect(csca.isSigned(by: csca))
        let signer = try #require(SignedDataCheck.embeddedCertificates(signedData).first)
        let time = try #require(signer.notBefore).addingTimeInterval(86_400)
        let result = PassiveAuthenticator.verifySignedData(
            signedData, trustStore: store, options: PassiveAuthenticationOptions(verificationTime: time))
        #expect(result.status == .valid, "\(result.reasons)")
        #expect(result.anchor == csca)
        #expect(result.reasons.contains { $0.code == .revocationUnknown })
        // Its content is SecurityInfos.
        #expect(try SecurityInfos(encoded: signedData.encapsulatedContent ?? []).chipAuthenticationPublicKeyInfos.count >= 1)
        // Without the CSCA: untrusted, never valid.
        let untrusted = PassiveAuthenticator.verifySignedData(
            signedData, trustStore: .empty, options: PassiveAuthenticationOptions(verificationTime: time))
        #expect(untrusted.status == .untrusted)
    }

    @Test func bsiWorkedExampleCardSecurityRSAPSS() throws {
        for name in ["BSI_EAC_worked_example_ECDH_EF.CardSecurity.bin", "BSI_EAC_worked_example_DH_EF.CardSecurity.bin"] {
            let signedData = try SignedDataParser.parse(contentInfo: try Fixtures.sample("openpace_eactest/\(name)"))
            let result = PassiveAuthenticator.verifySignedData(signedData, trustStore: .empty)
            #expect(result.status == .untrusted, "\(name): \(result.reasons)")
            #expect(!result.reasons.contains { $0.severity == .failure })
        }
    }

    /// JMRTD's synthetic EF.CardSecurity signs the content directly (no signed attributes).
    @Test func signatureWithoutSignedAttributes() throws {
        let signedData = try SignedDataParser.parse(contentInfo: try Fixtures.sample("jmrtd_efcardsecurity.dump"))
        let lenient = PassiveAuthenticator.verifySignedData(
            signedData, trustStore: .empty, options: PassiveAuthenticationOptions(requireSignedAttributes: false))
        #expect(!lenient.reasons.contains { $0.code == .signatureInvalid }, "\(lenient.reasons)")
        #expect(lenient.status == .untrusted)
        let strict = PassiveAuthenticator.verifySignedData(signedData, trustStore: .empty)
        #expect(strict.status == .invalid)
        #expect(strict.reasons.contains { $0.code == .signedAttributesMissing })
    }
}
