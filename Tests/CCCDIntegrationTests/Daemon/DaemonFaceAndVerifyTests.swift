import CCCDAudit
import Foundation
import Testing

/// `POST /v1/face/compare` and `POST /v1/verify` through the built daemon (no card needed).
extension PCSCEndToEnd {
    @Test func daemonComparesFacesAndVerifiesUploadedDumps() async throws {
        let daemon = try DaemonProcess(maxBodyBytes: 8 << 20, trust: [Self.trustFolder])

        // Verify: the default data set's files → the `cccd verify --json` object, valid with the test PKI.
        var files: [String: String] = [:]
        for name in ["EF.COM", "EF.SOD", "EF.CardAccess", "DG1", "DG2", "DG13", "DG14", "DG15"] {
            files[name] = try Data(contentsOf: Self.defaultDataSet.appendingPathComponent("\(name).bin")).base64EncodedString()
        }
        let verify = try daemon.json("POST", "/v1/verify", ["files": files])
        #expect(verify.status == 200, "\(String(decoding: verify.body, as: UTF8.self))")
        let report = try #require(verify.json)
        let cli = try Self.runCLI(["verify", Self.defaultDataSet.path, "--trust", Self.trustFolder, "--json"])
        let expected = try #require(try JSONSerialization.jsonObject(with: cli.stdout) as? [String: Any])
        // Equal but for the moment of verification (the two runs may fall in different seconds).
        #expect(Self.hasVerificationTime(report) && Self.hasVerificationTime(expected))
        #expect(NSDictionary(dictionary: Self.withoutVerificationTime(report)).isEqual(to: Self.withoutVerificationTime(expected)),
                "API and cccd verify --json differ")
        #expect((report["verification"] as? [String: Any])?["overall"] as? String == "valid")
        // A tampered DG1 is invalid, never valid.
        var dg1 = try [UInt8](Data(contentsOf: Self.defaultDataSet.appendingPathComponent("DG1.bin")))
        dg1[dg1.count - 3] ^= 0x01
        files["DG1"] = Data(dg1).base64EncodedString()
        let tampered = try daemon.json("POST", "/v1/verify", ["files": files])
        #expect((tampered.json?["verification"] as? [String: Any])?["overall"] as? String == "invalid")
        #expect(try daemon.json("POST", "/v1/verify", ["files": ["DG99": "AQID"]]).errorCode == "invalid_request")

        // Face: the models are not loaded before the first comparison.
        #expect(String(decoding: try daemon.request("GET", "/metrics").body, as: UTF8.self).contains("cccdd_face_models_loaded 0"))
        let chip = try Data(contentsOf: URL(fileURLWithPath: try Self.facePhoto("chip/obama-jp2-15k.jp2"))).base64EncodedString()
        let same = try Data(contentsOf: URL(fileURLWithPath: try Self.facePhoto("live/obama3-1280x720.jpg"))).base64EncodedString()
        let other = try Data(contentsOf: URL(fileURLWithPath: try Self.facePhoto("originals/biden.jpg"))).base64EncodedString()
        let match = try daemon.json("POST", "/v1/face/compare", ["liveImage": same, "chipImage": chip])
        #expect(match.status == 200, "\(String(decoding: match.body, as: UTF8.self))")
        #expect(match.json?["match"] as? Bool == true)
        #expect((match.json?["similarity"] as? Double).map { $0 >= 0.5 && $0 <= 1 } == true)
        #expect(match.json?["threshold"] is Double && match.json?["distance"] is Double)
        // The presentation-attack signal (advisory): live for a camera photo when the PAD models are
        // installed beside the face models (scripts/setup-face-models.sh), not-available otherwise.
        let liveness = try #require(match.json?["liveness"] as? [String: Any])
        let padInstalled = FileManager.default.fileExists(atPath: "/var/lib/cccdkit/models/MiniFASNetV2.onnx")
            && ProcessInfo.processInfo.environment["CCCD_FACE_MODELS"] == nil
        if padInstalled { #expect(liveness["status"] as? String == "live", "\(liveness)") }
        #expect(["live", "not-available"].contains(liveness["status"] as? String ?? ""))
        #expect(liveness["frames"] as? Int == 1 && match.json?["level"] as? String == "standard")
        // 1–5 frames of one capture: the best frame is compared; six are refused.
        let frames = try daemon.json("POST", "/v1/face/compare", ["liveImages": [same, same], "chipImage": chip])
        #expect(frames.json?["match"] as? Bool == true && (frames.json?["liveness"] as? [String: Any])?["frames"] as? Int == 2)
        let six = try daemon.json("POST", "/v1/face/compare", ["liveImages": Array(repeating: same, count: 6), "chipImage": chip])
        #expect(six.status == 400 && six.errorCode == "invalid_request")
        let noMatch = try daemon.json("POST", "/v1/face/compare", ["liveImage": other, "chipImage": chip])
        #expect(noMatch.json?["match"] as? Bool == false)
        #expect(String(decoding: try daemon.request("GET", "/metrics").body, as: UTF8.self).contains("cccdd_face_models_loaded 1"))
        let notAFace = try daemon.json("POST", "/v1/face/compare", ["liveImage": Data("not an image".utf8).base64EncodedString(), "chipImage": chip])
        #expect(notAFace.status == 422 && notAFace.errorCode == "face_error")
        let unknownRead = try daemon.json("POST", "/v1/face/compare", ["liveImage": same, "readId": "nope"])
        #expect(unknownRead.status == 404 && unknownRead.errorCode == "read_not_found")
        #expect(daemon.stop() == 0)
        try Self.expectNoPersonalData(in: daemon.log, "the daemon's log")
        // Journal: two verifications (valid, invalid) and three comparisons (match, no match, one face error;
        // the unknown read id is refused before anything is compared).
        let rows = try Self.auditRows(daemon)
        let verifies = rows.filter { $0.operation == .verify }
        #expect(verifies.map(\.overall) == ["valid", "invalid"] || verifies.map(\.overall) == ["invalid", "valid"])
        #expect(verifies.allSatisfy { $0.idHash?.count == 64 })
        let compares = rows.filter { $0.operation == .compare }
        #expect(compares.filter { $0.outcome == "ok" }.count == 3 && compares.filter { $0.outcome == "face_error" }.count == 1)
        // The PAD status of each comparison that ran, never a score or an image.
        #expect(compares.filter { $0.outcome == "ok" }.allSatisfy { ["live", "not-available"].contains($0.liveness ?? "") })
        #expect(compares.contains { ($0.similarity ?? 0) >= 0.5 })
    }

    /// The report with `verification.passive.verificationTime` removed.
    static func withoutVerificationTime(_ report: [String: Any]) -> [String: Any] {
        var report = report
        if var verification = report["verification"] as? [String: Any],
           var passive = verification["passive"] as? [String: Any]
        {
            passive["verificationTime"] = nil
            verification["passive"] = passive
            report["verification"] = verification
        }
        return report
    }

    static func hasVerificationTime(_ report: [String: Any]) -> Bool {
        ((report["verification"] as? [String: Any])?["passive"] as? [String: Any])?["verificationTime"] is String
    }
}
