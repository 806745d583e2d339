import CCCDAudit
import CCCDKit
import CCCDTestSupport
import CCCDVirtualCard
import Foundation
import Testing

/// The daemon's side of issue 15: a read with the caller's AA challenge follows the result schema,
/// its evidence bundles come in the three formats while the read lives (token required), the
/// schema is served, uploaded AA evidence is re-checked; no bundle content reaches the log.
extension PCSCEndToEnd {
    @Test func daemonReadEvidenceAndSchema() async throws {
        let daemon = try DaemonProcess(trust: [Self.trustFolder])
        _ = try daemon.waitForReaders(2, timeout: 10) { $0["busy"] as? Bool == false }
        let connection = VPCDConnection(card: try DataSetChip.load(Self.defaultDataSet), port: bed.basePort)
        try connection.insertSettled()
        defer { connection.eject() }

        #expect(try daemon.json("POST", "/v1/readers/0/read", ["access": ["can": "012345"], "options": ["activeAuthenticationChallenge": "12345"]])
            .errorCode == "invalid_request")
        let reply = try daemon.json("POST", "/v1/readers/0/read", [
            "access": ["can": "012345"], "options": ["activeAuthenticationChallenge": "q83vASNFZ4k="],
        ])
        #expect(reply.status == 200, "\(String(decoding: reply.body, as: UTF8.self))")
        #expect(try ResultSchema.errors(reply.body) == [], "the daemon's read answer does not follow the schema")
        let read = try #require(reply.json)
        let readId = try #require(read["readId"] as? String)
        let active = try #require((read["verification"] as? [String: Any])?["active"] as? [String: Any])
        #expect(active["status"] as? String == "valid")
        #expect((active["evidence"] as? [String: Any])?["challenge"] as? String == "q83vASNFZ4k=")

        let schema = try daemon.request("GET", "/v1/schema/read-result.schema.json")
        let committed = try Data(contentsOf: ResultSchema.url)
        #expect(schema.status == 200 && schema.body == committed)

        #expect(try daemon.request("GET", "/v1/reads/\(readId)/evidence", token: .some(nil)).status == 401)
        let bundle = try daemon.request("GET", "/v1/reads/\(readId)/evidence")
        #expect(bundle.status == 200)
        let object = try #require(bundle.json)
        #expect(object["format"] as? String == "cccdkit-evidence/1" && object["readId"] as? String == readId)
        #expect(object["reader"] as? String == bed.readerNames[0])
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cccdd-bundle-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try bundle.body.write(to: file)
        #expect(try Self.runCLI(["evidence", "verify", file.path, "--trust", Self.trustFolder]).status == 0)
        #expect(try daemon.request("GET", "/v1/reads/\(readId)/evidence?format=rar").json?["idCard"] as? String == "079190012345")
        #expect(try daemon.request("GET", "/v1/reads/\(readId)/evidence?format=ekyc-raw").json?["dgCert"] is String)
        #expect(try daemon.request("GET", "/v1/reads/\(readId)/evidence?format=xml").errorCode == "invalid_request")

        // Uploaded AA evidence is re-checked: genuine valid, another challenge invalid.
        let raw = try #require(object["raw"] as? [String: String])
        let aa = try #require(object["activeAuthentication"] as? [String: Any])
        var files = ["EF.SOD": raw["sod"]!, "DG1": raw["dg1"]!, "DG13": raw["dg13"]!, "DG14": raw["dg14"]!, "DG15": raw["dg15"]!]
        files["AA.challenge"] = aa["challenge"] as? String
        files["AA.response"] = aa["response"] as? String
        let verified = try daemon.json("POST", "/v1/verify", ["files": files])
        #expect(try ResultSchema.errors(verified.body) == [])
        #expect(((verified.json?["verification"] as? [String: Any])?["active"] as? [String: Any])?["status"] as? String == "valid")
        files["AA.challenge"] = Data(repeating: 7, count: 8).base64EncodedString()
        let replayed = try daemon.json("POST", "/v1/verify", ["files": files])
        #expect((replayed.json?["verification"] as? [String: Any])?["overall"] as? String == "invalid")

        // Only while the read lives.
        #expect(try daemon.request("DELETE", "/v1/reads/\(readId)").status == 204)
        #expect(try daemon.request("GET", "/v1/reads/\(readId)/evidence").errorCode == "read_not_found")
        #expect(daemon.log.contains("evidence exported"))
        // The journal: one row per export, with format, read id and client, and nothing else.
        let exports = try Self.auditRows(daemon).filter { $0.operation == .evidenceExport }
        #expect(exports.map { $0.format ?? "" }.sorted() == ["cccdkit", "ekyc-raw", "rar"])
        #expect(exports.allSatisfy { $0.readId == readId && $0.idHash == nil && $0.outcome == "ok" && $0.clientID == "legacy" })
        #expect(!daemon.log.contains(raw["dg1"]!) && !daemon.log.contains(raw["sod"]!.prefix(40)))
        try Self.expectNoPersonalData(in: daemon.log, "the daemon log")
    }
}
