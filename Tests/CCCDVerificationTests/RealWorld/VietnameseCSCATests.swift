import CCCDTestSupport
import CCCDVerification
import Foundation
import Testing

/// The real CCCD certificates (../shared/pki): both real document signers chain to the CCCD eID
/// CSCA — and not to the ePassport CSCA — and the fingerprints the product pins are theirs.
@Suite("Real CCCD certificates (../shared/pki)", .enabled(if: VietnamesePKI.available, "needs ../shared/pki (not found)"))
struct VietnameseCSCATests {
    @Test func pinnedFingerprintsAreTheOfficialCertificates() throws {
        let eid = try VietnamesePKI.certificate("vn-csca-eid-2021.der")
        let passport = try VietnamesePKI.certificate("vn-csca-epassport.der")
        #expect(OfficialAnchor.matching(sha256: eid.sha256Fingerprint)?.label.contains("eID") == true)
        #expect(OfficialAnchor.matching(sha256: passport.sha256Fingerprint)?.label.contains("ePassport") == true)
        #expect(eid.subject.contains("CN=CSCA Vietnam"))
        #expect(eid.isSelfSigned && eid.isCertificateAuthority)
        // The signing period of the 2021 key ended on 2026-01-21 (newer cards need the next CSCA key).
        let period = try #require(eid.privateKeyUsagePeriod)
        #expect(period.notAfter.map { Fixtures.iso($0) } == "2026-01-21")
        #expect(eid.crlDistributionPointURIs == ["http://ca.gov.vn/csca-vietnam.crl"])
    }

    @Test(arguments: ["ds-national-identification-00013.der", "ds-national-identification-00032.der"])
    func documentSignerChainsToTheEIDCSCA(file: String) throws {
        let signer = try VietnamesePKI.certificate("vn-eid-document-signers/" + file)
        let eid = TrustStoreLoader.load(paths: [VietnamesePKI.folder.appendingPathComponent("vn-csca-eid-2021.der")])
        let chain = ChainCheck.run(signer: signer, intermediates: [], store: eid, at: Fixtures.date("2026-12-01"))
        #expect(chain.anchor?.subject.contains("CN=CSCA Vietnam") == true, "\(chain.reasons)")
        // Issued inside the CSCA's private-key usage period: no warning.
        #expect(!chain.reasons.contains { $0.code == .signerIssuedOutsideKeyUsagePeriod }, "\(chain.reasons)")
        #expect(chain.reasons.allSatisfy { $0.severity >= .warning }, "\(chain.reasons)")
        #expect(signer.caIssuersURIs.contains("http://npkd.gov.vn/crt/eid-csca-vietnam.crt"))

        let passport = TrustStoreLoader.load(paths: [VietnamesePKI.folder.appendingPathComponent("vn-csca-epassport.der")])
        let wrong = ChainCheck.run(signer: signer, intermediates: [], store: passport, at: Fixtures.date("2026-12-01"))
        #expect(wrong.anchor == nil)
        #expect(wrong.reasons.contains { $0.code == .certificateChainUntrusted }, "\(wrong.reasons)")
    }

    @Test func aSignerIssuedOutsideTheSigningPeriodIsFlagged() throws {
        // DSC 00013 is issued under the eID CSCA in 2021; seen against a CSCA whose key usage
        // period is that of DSC 00032's own key (Oct 2021 – Jan 2022), it falls outside.
        let signer = try VietnamesePKI.certificate("vn-eid-document-signers/ds-national-identification-00013.der")
        let csca = try VietnamesePKI.certificate("vn-csca-eid-2021.der")
        #expect(ChainCheck.keyUsagePeriodReasons([signer, csca]).isEmpty)
        let later = try VietnamesePKI.certificate("vn-eid-document-signers/ds-national-identification-00032.der")
        let reasons = ChainCheck.keyUsagePeriodReasons([signer, later])
        #expect(reasons.map(\.code) == [.signerIssuedOutsideKeyUsagePeriod])
        #expect(reasons.allSatisfy { $0.severity == .warning })
    }
}

/// ../shared/pki (or `$CCCD_SHARED_DIR/pki`).
enum VietnamesePKI {
    static var folder: URL { SharedFolder.url("pki") }
    static var available: Bool { SharedFolder.available("pki") }
    static func certificate(_ path: String) throws -> X509Certificate {
        try X509Certificate(der: [UInt8](Data(contentsOf: folder.appendingPathComponent(path))))
    }
}
