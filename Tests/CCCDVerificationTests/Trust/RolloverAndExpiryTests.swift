import CCCDChipAuthentication
import CCCDLDS
import CCCDVerification
import Foundation
import Testing

/// CSCA key rollover (TestVectors/datasets/rollover: signed under csca-ecdsa-2026, whose link
/// certificate is issued by csca-ecdsa) and a document past its date of expiry (datasets/expired).
@Suite("CSCA rollover and expired documents")
struct RolloverAndExpiryTests {
    static func verify(_ dataset: String, trust: [String], at time: Date = Date()) throws -> PassiveAuthenticationResult {
        PassiveAuthenticator.verify(
            try Fixtures.dump(dataset).passiveAuthenticationInput,
            trustStore: TrustStoreLoader.load(paths: trust.map { Fixtures.pkiFolder.appendingPathComponent($0) }, at: time),
            options: PassiveAuthenticationOptions(verificationTime: time))
    }

    @Test func oldCSCAAndLinkCertificate() throws {
        let result = try Self.verify("rollover", trust: ["csca-ecdsa.pem", "link-ecdsa-2026.pem", "csca-ecdsa-2026.crl"])
        #expect(result.status == .valid, "\(result.reasons)")
        #expect(result.documentSigner?.subject.contains("2026") == true)
    }

    @Test func linkCertificateAlone() throws {
        let result = try Self.verify("rollover", trust: ["link-ecdsa-2026.pem", "csca-ecdsa-2026.crl"])
        #expect(result.status == .valid, "\(result.reasons)")
        // The anchor is the link certificate itself: not self-signed, issued by the old key.
        let link = try #require(X509Certificate.certificates(
            pem: [UInt8](Data(contentsOf: Fixtures.pkiFolder.appendingPathComponent("link-ecdsa-2026.pem")))).first)
        #expect(!link.isSelfSigned)
        #expect(result.trustAnchor?.sha256 == link.sha256Fingerprint)
    }

    @Test func newCSCAAlone() throws {
        let result = try Self.verify("rollover", trust: ["csca-ecdsa-2026.pem", "csca-ecdsa-2026.crl"])
        #expect(result.status == .valid, "\(result.reasons)")
    }

    @Test func oldCSCAAloneDoesNotTrustTheNewGeneration() throws {
        let result = try Self.verify("rollover", trust: ["csca-ecdsa.pem", "csca-ecdsa.crl"])
        #expect(result.status == .untrusted, "\(result.reasons)")
        // …while the old generation's cards still verify with the old CSCA and the link present.
        let old = try Self.verify("default", trust: ["csca-ecdsa.pem", "link-ecdsa-2026.pem", "csca-ecdsa.crl"])
        #expect(old.status == .valid, "\(old.reasons)")
    }

    @Test func neitherIsUntrusted() throws {
        let result = try Self.verify("rollover", trust: ["csca-rsa.pem"])
        #expect(result.status == .untrusted, "\(result.reasons)")
    }

    @Test func expiredDocumentIsExpiredNotInvalid() throws {
        let result = try Self.verify("expired", trust: ["csca-ecdsa.pem", "csca-ecdsa.crl"])
        #expect(result.status == .expired, "\(result.reasons)")
        let reasons = result.reasons.filter { $0.code == .documentExpired }
        #expect(Set(reasons.compactMap(\.dataGroup)) == [1, 13], "\(reasons)")
        #expect(reasons.allSatisfy { $0.message.contains("2024-08-15") && $0.severity == .expired })
        // The same card verified as of a day before its expiry is valid.
        let then = try Self.verify("expired", trust: ["csca-ecdsa.pem", "csca-ecdsa.crl"], at: Fixtures.date("2024-08-14"))
        #expect(then.status == .valid, "\(then.reasons)")
        // Expired and tampered is invalid: the failure wins.
        var groups = try Fixtures.dataGroups("expired")
        groups[2]![100] ^= 0x01
        let tampered = Fixtures.verify(sod: try Fixtures.dump("expired").files[.sod], groups: groups)
        #expect(tampered.status == .invalid)
    }

    @Test func cardWithoutExpiryNeverExpires() throws {
        let result = try Self.verify("no-expiry", trust: ["csca-rsa.pem", "csca-rsa.crl"], at: Fixtures.date("2035-12-31"))
        #expect(!result.has(.documentExpired), "\(result.reasons)")
        #expect(result.status == .valid, "\(result.reasons)")
        // Other cards do expire: the default card's date of expiry is 2030-08-15.
        let other = try Self.verify("default", trust: ["csca-ecdsa.pem", "csca-ecdsa.crl"], at: Fixtures.date("2031-01-01"))
        #expect(other.status == .expired, "\(other.reasons)")
    }

    @Test func expiredVerdictThroughTheReport() throws {
        let dump = try Fixtures.dump("expired")
        let report = OfflineVerification.verify(dump, trustStore: Fixtures.trust("csca-ecdsa.pem", "csca-ecdsa.crl"))
        #expect(report.overall == .expired)
        #expect(report.exitCode == 5)
    }
}
