import CCCDLDS
import CCCDTestData
import CCCDVerification
import Foundation
import Testing

@Suite("Trust store, master lists, default store")
struct TrustStoreTests {
    @Test func defaultStoreIsTheProvisionedFolder() throws {
        // No certificate is compiled in: the default store is the folder, CCCD_TRUST_DIR overrides it.
        #expect(TrustStoreLocation.folder(environment: [:]).path == "/var/lib/cccdkit/trust")
        #expect(TrustStoreLocation.folder(environment: ["CCCD_TRUST_DIR": "/tmp/x"]).path == "/tmp/x")
        #expect(TrustStoreLocation.folder(environment: ["CCCD_TRUST_DIR": ""]).path == "/var/lib/cccdkit/trust")
        let missing = TrustStore.default(folder: URL(fileURLWithPath: "/nonexistent/cccd-trust"))
        #expect(missing.anchors.isEmpty)
        #expect(missing.report.skipped.first?.detail.contains("cccd trust add") == true)
        let store = TrustStore.default(folder: Fixtures.datasets.appendingPathComponent("default/pki"))
        #expect(store.anchors.count == 1 && store.revocationLists.count == 1 && store.documentSigners.count == 1)
        #expect(TrustStore.commandLine(paths: []).report.entries.allSatisfy { !$0.source.contains("TestVectors") })
    }

    @Test func loadReportSaysWhatWasSkipped() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cccd-trust-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("not a certificate".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        try Data([0x30, 0x03, 0x02, 0x01, 0x01]).write(to: folder.appendingPathComponent("broken.der"))
        try FileManager.default.copyItem(
            at: Fixtures.pkiFolder.appendingPathComponent("csca-rsa.pem"), to: folder.appendingPathComponent("csca.pem"))
        try FileManager.default.copyItem(
            at: Fixtures.pkiFolder.appendingPathComponent("dsc-rsa-pss.pem"), to: folder.appendingPathComponent("dsc.pem"))
        try FileManager.default.copyItem(
            at: Fixtures.pkiFolder.appendingPathComponent("csca-rsa.crl"), to: folder.appendingPathComponent("csca.crl"))
        let store = TrustStoreLoader.load(paths: [folder, folder.appendingPathComponent("missing.pem")])
        #expect(store.anchors.count == 1)
        #expect(store.documentSigners.count == 1)
        #expect(store.revocationLists.count == 1)
        #expect(store.report.skipped.count == 3, "\(store.report.entries)")
        #expect(store.report.skipped.contains { $0.source.hasSuffix("notes.txt") })
        #expect(store.report.skipped.contains { $0.source.hasSuffix("missing.pem") })
    }

    @Test func masterListSignedByTrustedSigner() throws {
        let list = Fixtures.pkiFolder.appendingPathComponent("test-masterlist.ml")
        // Signer chains to csca-ecdsa, which is named too.
        let trusted = TrustStoreLoader.load(paths: [Fixtures.pkiFolder.appendingPathComponent("csca-ecdsa.pem"), list])
        #expect(trusted.anchors.count == 2, "\(trusted.report.entries)")
        #expect(trusted.report.entries.contains { $0.kind == .masterList && $0.outcome == .loaded && $0.count == 2 })
        // Alone: loaded, but the report says the signer is not trusted.
        let alone = TrustStoreLoader.load(paths: [list])
        #expect(alone.anchors.count == 2)
        #expect(alone.report.entries.contains { $0.kind == .masterList && $0.outcome == .warning })
    }

    @Test func tamperedMasterListIsIgnored() throws {
        var bytes = [UInt8](try Data(contentsOf: Fixtures.pkiFolder.appendingPathComponent("test-masterlist.ml")))
        // Flip a byte inside the first listed certificate (well inside the content).
        bytes[200] ^= 0x01
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cccd-ml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bad.ml")
        try Data(bytes).write(to: file)
        let store = TrustStoreLoader.load(paths: [file])
        #expect(store.anchors.isEmpty)
        #expect(store.report.skipped.count == 1, "\(store.report.entries)")
    }

    @Test func masterListBuiltInTheTest() throws {
        let pki = try Fixtures.pki()
        let content = try LDSBuilder.cscaMasterList(certificates: [try pki.certificate("csca-rsa").der])
        let der = try CMSSigner.sign(
            content: content, contentType: MasterList.contentType, signer: try pki.certificate("mls-ecdsa"),
            key: try pki.key("mls-ecdsa"), scheme: SigningScheme(hash: "SHA384"))
        let list = try MasterList(der: der)
        #expect(list.certificates == [try pki.certificate("csca-rsa").der])
    }
}
