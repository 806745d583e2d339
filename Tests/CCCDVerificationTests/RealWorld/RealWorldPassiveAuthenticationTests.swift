import CCCDLDS
import CCCDVerification
import Foundation
import Testing

/// Passive authentication of real documents that nobody on this team made (../shared/realworld):
/// each genuine set gets its expected verdict with the CSCA given beside it, each negative is
/// never `valid`. Link-certificate anchors (AT, SG), a SignerInfo naming its issuer with the RDNs
/// in another order (MY), LDS v0 (CN), BER indefinite lengths (NZ), RSA-PSS, explicit EC parameters.
@Suite(
    "Real documents (../shared/realworld)",
    .enabled(if: RealWorldSet.available, "needs ../shared/realworld (not found)"))
struct RealWorldPassiveAuthenticationTests {
    static let sets = RealWorldSet.all

    static func verify(_ set: RealWorldSet, at time: Date) throws -> PassiveAuthenticationResult {
        let store = TrustStoreLoader.load(paths: set.cscaURL.map { [$0] } ?? [], at: time)
        return PassiveAuthenticator.verify(
            try set.dump().passiveAuthenticationInput, trustStore: store,
            options: PassiveAuthenticationOptions(verificationTime: time))
    }

    @Test("Every set gets the verdict its sources expect", arguments: sets)
    func expectedVerdict(set: RealWorldSet) throws {
        let time = try set.timeWhenCurrent()
        let result = try Self.verify(set, at: time)
        let hard = result.reasons.filter { $0.severity < .warning }
        switch set.expectedPA {
        case "valid", "valid-partial":
            #expect(result.status == .valid, "\(hard)")
            #expect(result.trustAnchor != nil)
            #expect(result.dataGroups.values.allSatisfy { $0 == .valid || $0 == .notRead }, "\(result.dataGroups)")
            #expect(result.dataGroups.values.contains(.valid))
        case "sod-signature-and-chain-valid":
            // Only EF.SOD: signature and chain verify; without data groups the verdict is incomplete, never untrusted.
            #expect(result.status == .incomplete, "\(hard)")
            #expect(hard.map(\.code) == [.noDataGroups], "\(hard)")
            #expect(result.trustAnchor != nil)
        case "invalid":
            #expect(result.status != .valid, "\(result.reasons)")
        default:
            Issue.record("unknown expectation \(set.expectedPA) in \(set.name)/expected.json")
        }
    }

    @Test("Checked now, a genuine set is valid, expired or (SOD only) incomplete — never invalid or untrusted", arguments: sets)
    func genuineNow(set: RealWorldSet) throws {
        guard set.expectedPA != "invalid" else { return }
        let result = try Self.verify(set, at: Date())
        #expect([.valid, .expired, .incomplete].contains(result.status), "\(result.reasons)")
        #expect(!result.reasons.contains { $0.severity == .failure || $0.severity == .untrusted }, "\(result.reasons)")
    }

    @Test("Without its CSCA a genuine set is untrusted, never valid", arguments: sets)
    func untrustedWithoutCSCA(set: RealWorldSet) throws {
        guard set.expectedPA != "invalid", set.has("EF.SOD.bin") else { return }
        let time = try set.timeWhenCurrent()
        let result = PassiveAuthenticator.verify(
            try set.dump().passiveAuthenticationInput, trustStore: .empty,
            options: PassiveAuthenticationOptions(verificationTime: time))
        #expect(result.status == .untrusted, "\(result.reasons)")
    }

    @Test func linkCertificateAnchors() throws {
        // AT and SG hand out a CSCA link certificate (issued by the previous CSCA key) as csca.der.
        for name in ["gmrtd-sod-at", "gmrtd-sod-sg"] {
            let set = RealWorldSet(name: name)
            let csca = try X509Certificate(der: try set.bytes("csca.der"))
            #expect(!csca.isSelfSigned, "\(name): csca.der is expected to be a link certificate")
            let result = try Self.verify(set, at: try set.timeWhenCurrent())
            #expect(result.status == .valid, "\(name): \(result.reasons)")
            #expect(result.trustAnchor?.sha256 == csca.sha256Fingerprint)
        }
    }

    @Test func signerFoundDespiteRDNOrder() throws {
        let set = RealWorldSet(name: "gmrtd-sod-my")
        let sod = try SODParser.parse(try set.bytes("EF.SOD.bin"))
        let dsc = try X509Certificate(der: try set.bytes("dsc.der"))
        guard case .issuerAndSerialNumber(let issuer, _) = try #require(sod.signedData.signerInfos.first).signerIdentifier else {
            Issue.record("MY SignerInfo is expected to name issuer and serial")
            return
        }
        #expect(issuer != dsc.issuerDER, "the sid issuer is expected to differ in bytes from the certificate's")
        let result = try Self.verify(set, at: try set.timeWhenCurrent())
        #expect(result.documentSigner?.sha256 == dsc.sha256Fingerprint)
        #expect(!result.has(.signerCertificateNotFound))
    }

    @Test func indefiniteLengthsGiveTheSameVerdictAsTheirDefiniteReencoding() throws {
        let ber = RealWorldSet(name: "gmrtd-sod-nz")
        let der = RealWorldSet(name: "gmrtd-sod-nz-definite-length")
        #expect(try ber.bytes("EF.SOD.bin") != der.bytes("EF.SOD.bin"))
        let time = try ber.timeWhenCurrent()
        let store = TrustStoreLoader.load(paths: [try #require(ber.cscaURL)])
        let options = PassiveAuthenticationOptions(verificationTime: time)
        let fromBER = PassiveAuthenticator.verify(
            PassiveAuthenticationInput(securityObject: try ber.bytes("EF.SOD.bin"), dataGroups: [15: try ber.bytes("DG15.bin")]),
            trustStore: store, options: options)
        let fromDER = PassiveAuthenticator.verify(
            PassiveAuthenticationInput(securityObject: try der.bytes("EF.SOD.bin"), dataGroups: [15: try ber.bytes("DG15.bin")]),
            trustStore: store, options: options)
        #expect(fromBER.status == .valid, "\(fromBER.reasons)")
        #expect(fromDER.status == fromBER.status)
        #expect(fromDER.dataGroups == fromBER.dataGroups)
        #expect(fromDER.documentSigner == fromBER.documentSigner)
    }

    @Test func ldsVersion0SecurityObject() throws {
        let set = RealWorldSet(name: "gmrtd-sod-cn")
        let sod = try SODParser.parse(try set.bytes("EF.SOD.bin"))
        #expect(sod.ldsSecurityObject.version == 0)
        #expect(sod.ldsSecurityObject.ldsVersionInfo == nil)
        let result = try Self.verify(set, at: try set.timeWhenCurrent())
        #expect(!result.has(.securityObjectMalformed))
        #expect(!result.has(.signatureInvalid))
    }

    @Test func badCardSecuritySignatureFailsEvenWithAGoodSOD() throws {
        let set = RealWorldSet(name: "gmrtd-neg-de-cardsecurity-bad-signature")
        let csca = RealWorldSet(name: "gmrtd-sod-de").url.appendingPathComponent("csca.der")
        let time = try RealWorldSet(name: "gmrtd-sod-de").timeWhenCurrent()
        let result = PassiveAuthenticator.verify(
            try set.dump().passiveAuthenticationInput, trustStore: TrustStoreLoader.load(paths: [csca]),
            options: PassiveAuthenticationOptions(verificationTime: time))
        #expect(result.status == .invalid)
        #expect(result.reasons.contains { $0.code == .signatureInvalid && $0.message.hasPrefix("EF.CardSecurity") }, "\(result.reasons)")
    }
}
