import CCCDKit
import CCCDTestSupport
import CCCDVirtualCard
import Foundation
import Testing

/// Hand-off bundles (docs/evidence.md): `cccd read --evidence`, `cccd evidence export` in the three
/// formats, `cccd evidence verify`, and the documented OpenSSL-only re-check
/// (scripts/verify-evidence.py) of the cccdkit bundle.
extension PCSCEndToEnd {
    static func pythonScript(_ bundle: URL, csca: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", repositoryRoot.appendingPathComponent("scripts/verify-evidence.py").path, bundle.path, "--csca", csca]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    @Test func evidenceBundlesInTheThreeFormatsAndTheirOpenSSLRecheck() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cccd-evidence-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let dump = folder.appendingPathComponent("dump")
        let bundle = folder.appendingPathComponent("bundle.json")
        let csca = Self.defaultDataSet.appendingPathComponent("pki/csca.pem").path
        do {
            let connection = VPCDConnection(card: try DataSetChip.load(Self.defaultDataSet), port: bed.basePort)
            try connection.insertSettled()
            defer { connection.eject() }
            let read = try Self.runCLI([
                "read", "--reader", "0", "--timeout", "15", "--trust", csca, "--can", "012345", "--out", dump.path,
                "--aa-challenge", "1122334455667788", "--evidence", bundle.path,
            ])
            #expect(read.status == 0, "\(read.stderr)")
        }
        #expect((try FileManager.default.attributesOfItem(atPath: bundle.path)[.posixPermissions] as? Int) == 0o600)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: bundle)) as? [String: Any])
        #expect(object["format"] as? String == "cccdkit-evidence/1")
        let raw = try #require(object["raw"] as? [String: String])
        #expect(Set(raw.keys).isSuperset(of: ["com", "sod", "dg1", "dg2", "dg13", "dg14", "dg15", "cardAccess"]))
        let signer = try #require(object["documentSigner"] as? [String: Any])
        #expect((signer["pem"] as? String)?.hasPrefix("-----BEGIN CERTIFICATE-----") == true)
        #expect((signer["sha256"] as? String)?.count == 64 && signer["subject"] is String && signer["serialNumber"] is String)
        let aa = try #require(object["activeAuthentication"] as? [String: Any])
        #expect(aa["challenge"] as? String == Data([0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88]).base64EncodedString())
        #expect(object["readAt"] is String && object["verification"] is [String: Any] && object["chipAuthentication"] is [String: Any])

        // The documented OpenSSL-only steps accept the genuine bundle and refuse altered ones.
        let script = try Self.pythonScript(bundle, csca: csca)
        #expect(script.status == 0, "\(script.output)")
        #expect(script.output.contains("Active Authentication: valid") && script.output.contains("overall: VALID"), "\(script.output)")
        #expect(try Self.runCLI(["evidence", "verify", bundle.path, "--trust", csca]).status == 0)
        for (key, index) in [("dg1", 10), ("sod", 200)] {
            var altered = object
            var bytes = [UInt8](Data(base64Encoded: raw[key]!)!)
            bytes[index] ^= 0x01
            var alteredRaw = raw
            alteredRaw[key] = Data(bytes).base64EncodedString()
            altered["raw"] = alteredRaw
            let file = folder.appendingPathComponent("altered-\(key).json")
            try JSONSerialization.data(withJSONObject: altered).write(to: file)
            #expect(try Self.pythonScript(file, csca: csca).status != 0, "\(key)")
            #expect(try Self.runCLI(["evidence", "verify", file.path, "--trust", csca]).status == 3, "\(key)")
        }
        var otherAA = object
        otherAA["activeAuthentication"] = ["challenge": Data(repeating: 0, count: 8).base64EncodedString(), "response": aa["response"]!]
        let replay = folder.appendingPathComponent("replay.json")
        try JSONSerialization.data(withJSONObject: otherAA).write(to: replay)
        #expect(try Self.pythonScript(replay, csca: csca).status == 1)
        #expect(try Self.runCLI(["evidence", "verify", replay.path, "--trust", csca]).status == 3)

        // Export from the dump: the same cccdkit content, and the two vendor formats.
        let exported = try Self.runCLI(["evidence", "export", dump.path, "--trust", csca])
        #expect(exported.status == 0, "\(exported.stderr)")
        let again = try #require(try JSONSerialization.jsonObject(with: exported.stdout) as? [String: Any])
        #expect(NSDictionary(dictionary: again["raw"] as! [String: Any]).isEqual(to: raw))
        let ekyc = try #require(try JSONSerialization.jsonObject(with: Self.runCLI(["evidence", "export", dump.path, "--format", "ekyc-raw"]).stdout) as? [String: String])
        let inner = try #require(try JSONSerialization.jsonObject(with: Data(base64Encoded: ekyc["dataVerifyObject"]!)!) as? [String: [String: String]])
        #expect(Set(inner["raw"]!.keys) == ["com", "sod", "dg1", "dg2", "dg13", "dg14", "dg15"])
        #expect(inner["raw"]!["dg13"] == raw["dg13"])
        #expect(Data(base64Encoded: ekyc["dgCert"]!) == Data(base64Encoded: signer["der"] as! String))
        let rar = try #require(try JSONSerialization.jsonObject(with: Self.runCLI(["evidence", "export", dump.path, "--format", "rar"]).stdout) as? [String: String])
        #expect(rar["idCard"] == "079190012345")
        #expect(String(decoding: Data(base64Encoded: rar["dsCert"]!)!, as: UTF8.self) == signer["pem"] as? String)
    }
}
