import CCCDKit
import CCCDTestSupport
import CCCDVirtualCard
import Foundation
import Testing

/// One result model: every data set read through pcscd (`cccd read --out --json` with the caller's
/// AA challenge), its dump re-verified (`cccd verify --json`); both outputs validate against
/// docs/schema/read-result.schema.json and are equal field by field, but for the verification
/// time and the live-only parts (`access`, `files`, chip authentication).
extension PCSCEndToEnd {
    static let resultDataSets = ["default", "no-expiry", "card-2024", "jp2-photo", "expired", "rollover"]

    @Test(arguments: resultDataSets)
    func readDumpVerifyGiveTheSameResult(_ name: String) async throws {
        let folder = Self.repositoryRoot.appendingPathComponent("TestVectors/datasets/\(name)")
        let card = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("card.json"))) as? [String: Any])
        let can = try #require(card["can"] as? String)
        let connection = VPCDConnection(card: try DataSetChip.load(folder), port: bed.basePort)
        try connection.insertSettled()
        defer { connection.eject() }
        let dump = FileManager.default.temporaryDirectory.appendingPathComponent("cccd-model-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dump) }
        let trust = folder.appendingPathComponent("pki").path

        let read = try Self.runCLI([
            "read", "--reader", "0", "--json", "--timeout", "20", "--trust", trust, "--can", can, "--out", dump.path,
            "--aa-challenge", "0123456789ABCDEF",
        ])
        #expect([0, 5].contains(read.status), "\(name): \(read.stderr)")
        let verify = try Self.runCLI(["verify", dump.path, "--trust", trust, "--json"])
        #expect(verify.status == read.status, "\(name): \(verify.stderr)")
        for (label, output) in [("read", read.stdout), ("verify", verify.stdout)] {
            #expect(try ResultSchema.errors(output) == [], "\(name) \(label) does not follow the schema")
        }

        var live = try #require(try JSONSerialization.jsonObject(with: read.stdout) as? [String: Any])
        var offline = try #require(try JSONSerialization.jsonObject(with: verify.stdout) as? [String: Any])
        #expect(live["access"] != nil && live["files"] != nil && offline["access"] == nil && offline["files"] == nil)
        // The caller's challenge is in the evidence, and the dump re-verified AA offline.
        let active = try #require((live["verification"] as? [String: Any])?["active"] as? [String: Any])
        #expect(active["status"] as? String == "valid", "\(name): \(active)")
        #expect((active["evidence"] as? [String: Any])?["challenge"] as? String == Data([0x01, 0x23, 0x45, 0x67, 0x89, 0xAB, 0xCD, 0xEF]).base64EncodedString())
        #expect(try Data(contentsOf: dump.appendingPathComponent("AA.challenge.bin")) == Data([0x01, 0x23, 0x45, 0x67, 0x89, 0xAB, 0xCD, 0xEF]))
        for key in ["access", "files"] { live[key] = nil }
        live = Self.withoutLiveOnlyChecks(live)
        offline = Self.withoutLiveOnlyChecks(offline)
        #expect(Set(live.keys) == Set(offline.keys), "\(name)")
        for key in live.keys {
            let same = NSDictionary(dictionary: [key: live[key]!]).isEqual(to: [key: offline[key] as Any])
            #expect(same, "\(name): \(key) differs between read and verify: \(String(describing: live[key])) vs \(String(describing: offline[key]))")
        }
    }

    /// The result without `verification.passive.verificationTime` and `verification.chip` (needs the chip).
    static func withoutLiveOnlyChecks(_ object: [String: Any]) -> [String: Any] {
        var object = object
        guard var verification = object["verification"] as? [String: Any],
            var passive = verification["passive"] as? [String: Any]
        else { return object }
        passive["verificationTime"] = nil
        verification["passive"] = passive
        verification["chip"] = nil
        object["verification"] = verification
        return object
    }
}
