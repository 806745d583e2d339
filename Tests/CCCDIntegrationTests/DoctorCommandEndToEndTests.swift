import CCCDTestData
import CCCDTestSupport
import CCCDVirtualCard
import Foundation
import Testing

/// Issue 14, item 6: `cccd doctor` as the IT admin runs it — the built binary, through the private
/// pcscd + vpcd + the virtual card, a temporary trust store, the installed face models and a running
/// `cccdd`; then each broken part named: pcscd unreachable, trust store empty, models missing.
extension PCSCEndToEnd {
    static let doctorIDs: Set<String> = [
        "pcscd", "reader", "card", "card-access", "trust-store", "face-models", "daemon-config", "token-file",
        "listen-address", "healthz", "clock",
    ]

    /// A temporary trust store holding one freshly issued, non-Vietnamese test CSCA (the committed
    /// test CSCAs say "C=VN … CSCA" and are rightly reported as lookalikes by the health check).
    final class DoctorTrustStore {
        let folder: URL
        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("cccd-doctor-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let key = try TestKey.generate(.ec(curve: "prime256v1", explicitParameters: false))
            let certificate = try TestCertificate.issue(
                TestCertificate.Spec(
                    subject: [("C", "UT"), ("O", "CCCDKit Test PKI"), ("CN", "CSCA Doctor Test")], serial: 0x6001,
                    notBefore: "2024-01-01", notAfter: "2044-01-01", isCA: true),
                subjectKey: key, issuer: nil, issuerKey: key, scheme: SigningScheme(hash: "SHA256"))
            let pem = folder.appendingPathComponent("csca-doctor.pem")
            try Data(try certificate.pem().utf8).write(to: pem)
            let add = try PCSCEndToEnd.runCLI(["trust", "add", "--dir", store.path, pem.path])
            #expect(add.status == 0, "trust add: \(add.stderr)")
        }
        var store: URL { folder.appendingPathComponent("store") }
        var empty: URL { folder.appendingPathComponent("empty") }
        deinit { try? FileManager.default.removeItem(at: folder) }
    }

    /// Runs `cccd doctor --json` and checks the output's shape; returns the report.
    static func runDoctor(_ arguments: [String] = [], environment: [String: String]) throws
        -> (status: Int32, passed: Bool, checks: [[String: String]])
    {
        let run = try runCLI(["doctor", "--json"] + arguments, environment: environment)
        let object = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any], "stderr: \(run.stderr)")
        #expect(Set(object.keys) == ["passed", "checks"])
        let passed = try #require(object["passed"] as? Bool)
        let checks = try #require(object["checks"] as? [[String: String]])
        for check in checks {
            #expect(Set(check.keys).isSubset(of: ["id", "status", "summary", "fix"]), "\(check)")
            #expect(doctorIDs.contains(check["id"] ?? ""), "\(check)")
            #expect(["pass", "warn", "fail"].contains(check["status"] ?? ""), "\(check)")
            #expect(!(check["summary"] ?? "").isEmpty)
            #expect((check["fix"] != nil) == (check["status"] != "pass"), "a fix exactly when not passing: \(check)")
        }
        #expect(passed == !checks.contains { $0["status"] == "fail" })
        #expect((run.status == 0) == passed, "exit \(run.status)")
        if !passed { #expect(run.status == 1) }
        return (run.status, passed, checks)
    }

    static func failing(_ checks: [[String: String]]) -> Set<String> {
        Set(checks.filter { $0["status"] == "fail" }.compactMap { $0["id"] })
    }

    @Test func doctorPassesOnTheTestSetUpWithCardDaemonAndCAN() throws {
        let trust = try DoctorTrustStore()
        let card = try DataSetChip.load(FaultMatrixSupport.dataSet)
        let connection = VPCDConnection(card: card, port: bed.basePort)
        try connection.insertSettled()
        defer { connection.eject() }
        let daemon = try DaemonProcess(trust: [trust.store.path])
        defer { daemon.stop() }

        let environment = [
            "CCCD_TRUST_DIR": trust.store.path,
            // The default search (/var/lib/cccdkit/models, ~/.local/share) unless the run names a folder.
        ]
        let report = try Self.runDoctor(
            ["--config", daemon.folder.appendingPathComponent("cccdd.json").path, "--can", "012345", "--reader", "0"],
            environment: environment)
        #expect(report.passed && report.status == 0, "\(report.checks)")
        let byID = Dictionary(grouping: report.checks) { $0["id"] ?? "" }
        // Every check ran and passed; vpcd's second slot has no card, which is a warning only.
        for id in Self.doctorIDs where id != "card" {
            #expect(byID[id]?.allSatisfy { $0["status"] == "pass" } == true, "\(id): \(byID[id] ?? [])")
        }
        #expect(byID["card"]?.map { $0["status"] ?? "" } == ["pass", "warn"], "\(byID["card"] ?? [])")
        #expect(byID["reader"]?.contains { $0["summary"]?.contains(bed.readerNames[0]) == true } == true)
        #expect(byID["card"]?.contains { $0["summary"]?.contains("ATR ") == true } == true)
        #expect(byID["card-access"]?.first?["summary"]?.hasPrefix("PACE") == true, "\(byID["card-access"] ?? [])")
        #expect(byID["face-models"]?.contains { $0["summary"]?.contains("55533b28a95800a5") == true } == true)
        #expect(byID["healthz"]?.first?["summary"]?.contains("127.0.0.1:\(daemon.port)") == true)
        // No personal data: the card's name, ID number or birth date never appear.
        let text = try Self.runCLI(["doctor", "--config", daemon.folder.appendingPathComponent("cccdd.json").path,
                                    "--can", "012345", "--reader", "0"], environment: environment)
        #expect(text.status == 0, "\(String(decoding: text.stdout, as: UTF8.self))")
        let output = String(decoding: text.stdout, as: UTF8.self)
        #expect(output.contains("[PASS] pcscd:") && output.hasSuffix("All checks passed.\n"), "\(output)")
        for personal in ["Nguyễn", "NGUYEN", "012345", "Hai Bà Trưng", "1990-08-15"] {
            #expect(!output.contains(personal), "\(personal) in \(output)")
        }
    }

    @Test func doctorNamesPcscdWhenTheServiceCannotBeReached() throws {
        let trust = try DoctorTrustStore()
        // pcsc-lite's client connects where PCSCLITE_CSOCK_NAME says: nothing listens there.
        let report = try Self.runDoctor(environment: [
            "CCCD_TRUST_DIR": trust.store.path, "PCSCLITE_CSOCK_NAME": trust.folder.appendingPathComponent("no-pcscd.comm").path,
        ])
        #expect(report.status == 1)
        #expect(Self.failing(report.checks) == ["pcscd"], "\(report.checks)")
        let line = try #require(report.checks.first { $0["id"] == "pcscd" })
        #expect(line["fix"]?.contains("pcscd") == true)
    }

    @Test func doctorNamesTheTrustStoreWhenItIsEmpty() throws {
        let trust = try DoctorTrustStore()
        try FileManager.default.createDirectory(at: trust.empty, withIntermediateDirectories: true)
        let report = try Self.runDoctor(environment: ["CCCD_TRUST_DIR": trust.empty.path])
        #expect(report.status == 1)
        #expect(Self.failing(report.checks) == ["trust-store"], "\(report.checks)")
        #expect(report.checks.first { $0["id"] == "trust-store" }?["fix"]?.contains("no-anchor") == true)
    }

    @Test func doctorNamesTheFaceModelsWhenTheyAreMissing() throws {
        let trust = try DoctorTrustStore()
        let report = try Self.runDoctor(environment: ["CCCD_TRUST_DIR": trust.store.path, "CCCD_FACE_MODELS": "/nonexistent"])
        #expect(report.status == 1)
        #expect(Self.failing(report.checks) == ["face-models"], "\(report.checks)")
        #expect(report.checks.contains { $0["id"] == "face-models" && $0["summary"]?.contains("/nonexistent") == true })
    }

    @Test func diagnosticsRouteNeedsTheTokenAndServesTheReport() throws {
        let trust = try DoctorTrustStore()
        let daemon = try DaemonProcess(trust: [trust.store.path])
        defer { daemon.stop() }
        let anonymous = try daemon.request("GET", "/v1/diagnostics", token: .some(nil))
        #expect(anonymous.status == 401)
        let reply = try daemon.request("GET", "/v1/diagnostics")
        #expect(reply.status == 200)
        let object = try #require(reply.json)
        #expect(Set(object.keys) == ["passed", "checks"])
        let checks = try #require(object["checks"] as? [[String: String]])
        let ids = Set(checks.compactMap { $0["id"] })
        #expect(ids.isSuperset(of: ["pcscd", "trust-store", "face-models", "token-file", "listen-address", "healthz", "clock"]), "\(ids)")
        #expect(checks.first { $0["id"] == "token-file" }?["status"] == "pass", "\(checks)")
        // Anchors from explicit `trust` paths: not a folder, so a warning rather than a check.
        #expect(checks.first { $0["id"] == "trust-store" }?["status"] == "warn", "\(checks)")
    }
}
