import CCCDPrimitives
import CCCDTestData
import CCCDTrust
import CCCDVerification
import Foundation
import Testing

/// `cccd trust update` against a real HTTP server on the loopback (Python's http.server serving a
/// folder), through the mirror option: a CSCA whose certificate names a CRL distribution point.
@Suite("Trust store update over HTTP")
struct TrustUpdaterTests {
    /// A throw-away CSCA with a CRL distribution point, and CRLs of it.
    struct Issuer {
        let certificate: TestCertificate
        let key: TestKey

        init() throws {
            key = try TestKey.generate(.ec(curve: "prime256v1", explicitParameters: false))
            certificate = try TestCertificate.issue(
                TestCertificate.Spec(
                    subject: [("C", "UT"), ("O", "CCCDKit Test PKI"), ("CN", "CSCA Update Test")], serial: 0x4001,
                    notBefore: "2024-01-01", notAfter: "2044-01-01", isCA: true,
                    crlDistributionPoint: "http://pki.invalid/crl/update-test.crl"),
                subjectKey: key, issuer: nil, issuerKey: key, scheme: SigningScheme(hash: "SHA256"))
        }

        func crl(thisUpdate: String, signedBy other: TestKey? = nil) throws -> [UInt8] {
            try TestCRL.issue(
                issuer: certificate, issuerKey: other ?? key, revoked: [], thisUpdate: thisUpdate, nextUpdate: "2043-01-01",
                revokedOn: "2024-01-01", scheme: SigningScheme(hash: "SHA256"))
        }
    }

    /// `python3 -m http.server` on 127.0.0.1 with an ephemeral port, serving `root`.
    final class LoopbackServer {
        let process = Process()
        let port: Int

        init(root: URL) throws {
            let script = """
                import functools, http.server, sys
                handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=sys.argv[1])
                server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
                print(server.server_address[1], flush=True)
                server.serve_forever()
                """
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", script, root.path]
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            try process.run()
            var line = Data()
            while !line.contains(0x0A) {
                let chunk = pipe.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                line += chunk
            }
            guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
                kill(process.processIdentifier, SIGKILL)
                throw CocoaError(.fileReadUnknown)
            }
            self.port = port
        }

        func stop() {
            guard process.isRunning else { return }
            // SIGKILL: a child of the test runner may inherit a mask that blocks SIGTERM.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    @Test func fetchesVerifiesAndReplacesTheCRL() async throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("cccd-update-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let served = base.appendingPathComponent("www/crl")
        try FileManager.default.createDirectory(at: served, withIntermediateDirectories: true)
        let folder = TrustFolder(url: base.appendingPathComponent("trust"))
        let issuer = try Issuer()
        let certificateFile = base.appendingPathComponent("csca.pem")
        try Data(try issuer.certificate.pem().utf8).write(to: certificateFile)
        let oldCRL = base.appendingPathComponent("old.crl")
        try Data(try issuer.crl(thisUpdate: "2025-01-01")).write(to: oldCRL)
        #expect(try folder.add([certificateFile, oldCRL]).map(\.status) == [.added, .added])

        let server = try LoopbackServer(root: base.appendingPathComponent("www"))
        defer { server.stop() }
        let updater = TrustUpdater(
            folder: folder, mirror: URL(string: "http://127.0.0.1:\(server.port)"), timeout: .seconds(5))

        // Not served yet: 404, nothing changed.
        let missing = await updater.update()
        #expect(missing.sources.map(\.status) == [.unreachable], "\(missing.sources)")
        #expect(missing.sources.first?.url == "http://127.0.0.1:\(server.port)/crl/update-test.crl")

        // A CRL under the right name but signed by another key is rejected.
        try Data(try issuer.crl(thisUpdate: "2026-02-01", signedBy: try TestKey.generate(.ec(curve: "prime256v1", explicitParameters: false))))
            .write(to: served.appendingPathComponent("update-test.crl"))
        #expect(await updater.update().sources.map(\.status) == [.rejected])

        // The genuine newer CRL replaces the installed one; fetching it again changes nothing.
        let newer = try issuer.crl(thisUpdate: "2026-03-01")
        try Data(newer).write(to: served.appendingPathComponent("update-test.crl"))
        let report = await updater.update()
        #expect(report.sources.map(\.status) == [.updated], "\(report.sources)")
        #expect(folder.entries().first { $0.kind == .crl }.map(\.sha256) == TrustFolderTests.sha256(newer))
        #expect(await updater.update().sources.map(\.status) == [.unchanged])

        // Offline: nothing reachable, the installed CRL stays.
        server.stop()
        let offline = await updater.update()
        #expect(offline.offline)
        #expect(folder.entries().first { $0.kind == .crl }.map(\.sha256) == TrustFolderTests.sha256(newer))
    }
}

extension TrustFolderTests {
    static func sha256(_ bytes: [UInt8]) -> String {
        Hex.lowercase((try? Digest.hash(bytes, algorithm: .sha256)) ?? [])
    }
}
