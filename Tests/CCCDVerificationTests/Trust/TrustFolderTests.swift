import CCCDTestData
import CCCDTrust
import CCCDVerification
import Foundation
import Testing

/// The default trust store folder: `cccd trust add/list/remove/check` semantics.
@Suite("Trust store folder")
struct TrustFolderTests {
    /// A fresh, empty folder (removed by the caller's defer).
    static func scratch() throws -> TrustFolder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cccd-trust-\(UUID().uuidString)")
        return TrustFolder(url: url)
    }

    static func pki(_ name: String) -> URL { Fixtures.pkiFolder.appendingPathComponent(name) }

    @Test func addListRemove() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder.url) }
        let garbage = FileManager.default.temporaryDirectory.appendingPathComponent("cccd-garbage-\(UUID().uuidString).der")
        try Data([0x30, 0x03, 0x02, 0x01, 0x05]).write(to: garbage)
        defer { try? FileManager.default.removeItem(at: garbage) }
        // The CRL comes before its CSCA on the command line: certificates are installed first.
        let outcomes = try folder.add([
            Self.pki("csca-ecdsa.crl"), Self.pki("csca-ecdsa.pem"), Self.pki("csca-rsa.pem"), Self.pki("dsc-ecdsa.pem"),
            Self.pki("test-masterlist.ml"), Self.pki("link-ecdsa-2026.pem"), garbage,
        ])
        #expect(outcomes.filter { $0.status == .added }.count == 6, "\(outcomes)")
        #expect(outcomes.filter { $0.status == .refused }.map(\.source) == [garbage.path])

        let entries = folder.entries()
        #expect(entries.count == 6)
        let kinds = Dictionary(grouping: entries, by: \.kind).mapValues(\.count)
        #expect(kinds == [.root: 2, .link: 1, .documentSigner: 1, .crl: 1, .masterList: 1], "\(kinds)")
        let ecdsa = try #require(entries.first { $0.kind == .root && $0.subject?.contains("ECDSA") == true })
        #expect(ecdsa.crlPresent == true && ecdsa.crlNextUpdate != nil)
        #expect(ecdsa.subjectKeyIdentifier != nil && ecdsa.daysLeft != nil && ecdsa.official == nil)
        #expect(entries.first { $0.kind == .root && $0.subject?.contains("RSA") == true }?.crlPresent == false)
        #expect(entries.first { $0.kind == .masterList }?.certificateCount == 2)

        // Adding again changes nothing; the store verifies the default data set.
        #expect(try folder.add([Self.pki("csca-ecdsa.pem")]).map(\.status) == [.unchanged])
        let result = PassiveAuthenticator.verify(
            try Fixtures.dump("default").passiveAuthenticationInput, trustStore: folder.store())
        #expect(result.status == .valid, "\(result.reasons)")

        // Remove by a unique prefix; then the card is untrusted by this store unless the master list holds its CSCA.
        let sha = ecdsa.sha256
        #expect(try folder.remove(sha256: String(sha.prefix(12))) == [ecdsa.file])
        #expect(throws: TrustFolderError.notFound(sha)) { try folder.remove(sha256: sha) }
        #expect(throws: TrustFolderError.invalidFingerprint("xyz")) { try folder.remove(sha256: "xyz") }
        #expect(folder.entries().count == 5)
    }

    @Test func crlsMustBeSignedByAnInstalledCSCAAndNewer() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder.url) }
        #expect(try folder.add([Self.pki("csca-ecdsa.crl")]).map(\.status) == [.refused])
        _ = try folder.add([Self.pki("csca-ecdsa.pem"), Self.pki("csca-ecdsa.crl")])
        let pki = try Fixtures.pki()
        let older = try TestCRL.issue(
            issuer: try pki.certificate("csca-ecdsa"), issuerKey: try pki.key("csca-ecdsa"), revoked: [],
            thisUpdate: "2025-01-01", nextUpdate: "2025-06-01", revokedOn: "2024-01-01", scheme: SigningScheme(hash: "SHA512"))
        let newer = try TestCRL.issue(
            issuer: try pki.certificate("csca-ecdsa"), issuerKey: try pki.key("csca-ecdsa"), revoked: [],
            thisUpdate: "2026-06-01", nextUpdate: "2041-01-01", revokedOn: "2024-01-01", scheme: SigningScheme(hash: "SHA512"))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cccd-crl-\(UUID().uuidString).crl")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(older).write(to: file)
        #expect(try folder.add([file]).map(\.status) == [.refused])
        try Data(newer).write(to: file)
        #expect(try folder.add([file]).map(\.status) == [.replaced])
        #expect(folder.entries().filter { $0.kind == .crl }.count == 1)
        // A CRL signed by another key under the same name is refused.
        let forged = try TestCRL.issue(
            issuer: try pki.certificate("csca-ecdsa"), issuerKey: try pki.key("csca-other"), revoked: [],
            thisUpdate: "2026-07-01", nextUpdate: "2041-01-01", revokedOn: "2024-01-01", scheme: SigningScheme(hash: "SHA384"))
        try Data(forged).write(to: file)
        #expect(try folder.add([file]).map(\.status) == [.refused])
    }

    @Test func healthCheck() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder.url) }
        #expect(TrustHealthCheck.run(folder).map(\.code) == [.noAnchor])
        _ = try folder.add([Self.pki("csca-ecdsa.pem"), Self.pki("csca-ecdsa.crl")])
        // The test CSCA calls itself a Vietnamese CSCA but is not an official one.
        #expect(TrustHealthCheck.run(folder, at: Fixtures.date("2030-01-01")).map(\.code) == [.lookalike])
        let late = TrustHealthCheck.run(folder, at: Fixtures.date("2039-11-01")).map(\.code)
        #expect(late.contains(.anchorExpiring) && !late.contains(.anchorExpired))
        let after = TrustHealthCheck.run(folder, at: Fixtures.date("2040-06-01")).map(\.code)
        #expect(after.contains(.anchorExpired) && after.contains(.crlOutdated), "\(after)")
    }

    @Test(.enabled(if: VietnamesePKI.available, "needs ../shared/pki (not found)"))
    func officialEIDCSCAStoppedSigningWithoutSuccessor() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder.url) }
        let outcomes = try folder.add([VietnamesePKI.folder.appendingPathComponent("vn-csca-eid-2021.pem")])
        #expect(outcomes.map(\.status) == [.added] && outcomes[0].detail.contains("official"), "\(outcomes)")
        let entry = try #require(folder.entries().first)
        #expect(entry.official?.contains("eID") == true)
        #expect(entry.sha256 == "6f0a20d63a43fc589eaf0d8c52113a2a8bfa341c6f2fab04121238aa0c22b1a9")
        #expect(TrustHealthCheck.run(folder, at: Fixtures.date("2025-06-01")).isEmpty)
        #expect(TrustHealthCheck.run(folder, at: Fixtures.date("2026-12-01")).map(\.code) == [.signingPeriodOver])
    }
}
