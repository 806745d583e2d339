import CCCDTestSupport
import Foundation
import Testing

/// `cccd verify` through the built binary.
@Suite("cccd verify")
struct VerifyCommandTests {
    static let binary = BuiltExecutable.url("cccd", repositoryRoot: Fixtures.repository)

    /// An empty trust store folder: what the machine has provisioned never changes a test.
    static let emptyTrustFolder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cccd-verify-trust-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    /// `cccd` with `CCCD_TRUST_DIR` set to `trustDir`.
    static func run(_ arguments: [String], trustDir: URL = emptyTrustFolder) throws -> (status: Int32, output: String) {
        try BuiltExecutable.run(
            binary, arguments, in: Fixtures.repository, environment: ["CCCD_TRUST_DIR": trustDir.path])
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: binary.path)))
    func defaultDataSetWithItsCSCA() throws {
        let result = try Self.run(["verify", "TestVectors/datasets/default", "--trust", "TestVectors/datasets/default/pki/csca.pem"])
        #expect(result.status == 0)
        #expect(result.output.contains("Overall: VALID"))
        let json = try Self.run([
            "verify", "TestVectors/datasets/default", "--trust", "TestVectors/datasets/default/pki/csca.pem", "--json",
        ])
        #expect(json.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as! [String: Any]
        #expect((object["verification"] as! [String: Any])["overall"] as? String == "valid")
        #expect((object["citizen"] as! [String: Any])["fullName"] as? String == "Nguyễn Thị Minh Khai")
        #expect((object["document"] as! [String: Any])["issuingState"] as? String == "VNM")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: binary.path)))
    func exitCodes() throws {
        #expect(try Self.run(["verify", "TestVectors/datasets/default"]).status == 4)
        #expect(try Self.run(["verify", "TestVectors/datasets/does-not-exist"]).status == 2)
        #expect(try Self.run(["verify"]).status == 64)
        #expect(try Self.run(["verify", "TestVectors/datasets/default", "--at", "yesterday"]).status == 64)
        // After the signer's validity (2021–2036) and the card's expiry (2030): expired, not invalid.
        #expect(try Self.run([
            "verify", "TestVectors/datasets/default", "--trust", "TestVectors/datasets/pki", "--at", "2037-01-01",
        ]).status == 5)
        // Before the signer existed: invalid.
        #expect(try Self.run([
            "verify", "TestVectors/datasets/default", "--trust", "TestVectors/datasets/pki", "--at", "2020-06-01",
        ]).status == 3)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: binary.path)))
    func expiredCardExitsWith5() throws {
        let result = try Self.run(["verify", "TestVectors/datasets/expired", "--trust", "TestVectors/datasets/pki", "--json"])
        #expect(result.status == 5)
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as! [String: Any]
        let verification = object["verification"] as! [String: Any]
        #expect(verification["overall"] as? String == "expired")
        let reasons = (verification["passive"] as! [String: Any])["reasons"] as! [[String: Any]]
        #expect(reasons.contains { $0["code"] as? String == "documentExpired" && $0["severity"] as? String == "expired" })
        // As of the day before its expiry, valid.
        let before = try Self.run([
            "verify", "TestVectors/datasets/expired", "--trust", "TestVectors/datasets/pki", "--at", "2024-08-14",
        ])
        #expect(before.status == 0, "\(before.output)")
        #expect(try Self.run(["verify", "TestVectors/datasets/expired", "--trust", "TestVectors/datasets/pki"]).output
            .contains("Overall: EXPIRED"))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: binary.path)))
    func defaultTrustStoreFolderIsUsedWithoutTrustOption() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cccd-default-trust-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let added = try Self.run(
            ["trust", "add", "TestVectors/datasets/pki/csca-ecdsa.pem", "TestVectors/datasets/pki/csca-ecdsa.crl"],
            trustDir: folder)
        #expect(added.status == 0, "\(added.output)")
        #expect(try Self.run(["verify", "TestVectors/datasets/default"], trustDir: folder).status == 0)
        #expect(try Self.run(["verify", "TestVectors/datasets/no-expiry"], trustDir: folder).status == 4)
        // Also through --dir, and the list shows what was installed.
        let list = try Self.run(["trust", "list", "--json", "--dir", folder.path])
        let object = try JSONSerialization.jsonObject(with: Data(list.output.utf8)) as! [String: Any]
        let entries = object["entries"] as! [[String: Any]]
        #expect(Set(entries.compactMap { $0["kind"] as? String }) == ["root", "crl"])
        // The test CSCA is a lookalike of a Vietnamese CSCA: check names it and fails.
        let check = try Self.run(["trust", "check"], trustDir: folder)
        #expect(check.status == 1)
        #expect(check.output.contains("not an official certificate"))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: binary.path) && VietnamesePKI.available))
    func officialEIDCSCAIsLabelledInTheList() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cccd-official-trust-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let added = try Self.run(
            ["trust", "add", VietnamesePKI.folder.appendingPathComponent("vn-csca-eid-2021.der").path,
             VietnamesePKI.folder.appendingPathComponent("vn-csca-epassport.pem").path], trustDir: folder)
        #expect(added.status == 0, "\(added.output)")
        let list = try Self.run(["trust", "list", "--json"], trustDir: folder)
        let entries = (try JSONSerialization.jsonObject(with: Data(list.output.utf8)) as! [String: Any])["entries"] as! [[String: Any]]
        let eid = try #require(entries.first { ($0["official"] as? String)?.contains("eID") == true })
        #expect(eid["sha256"] as? String == "6f0a20d63a43fc589eaf0d8c52113a2a8bfa341c6f2fab04121238aa0c22b1a9")
        #expect(eid["kind"] as? String == "root")
        #expect(entries.contains { ($0["official"] as? String)?.contains("ePassport") == true })
        // A genuine CCCD signer is not a card, but the store rejects removing what is not there.
        #expect(try Self.run(["trust", "remove", "00000000"], trustDir: folder).status == 1)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: binary.path)))
    func masterListAsTrust() throws {
        // The list's signer chains to no CSCA named here: loaded with a warning, the card verifies.
        let result = try Self.run([
            "verify", "TestVectors/datasets/card-2024", "--trust", "TestVectors/datasets/pki/test-masterlist.ml", "--json",
        ])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as! [String: Any]
        let passive = (object["verification"] as! [String: Any])["passive"] as! [String: Any]
        #expect(passive["status"] as? String == "valid")
        let reasons = passive["reasons"] as! [[String: Any]]
        #expect(reasons.contains { $0["code"] as? String == "revocationUnknown" })
    }
}
