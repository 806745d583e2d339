import CCCDKit
import CCCDTestSupport
import CCCDVirtualCard
import Foundation
import Testing

/// The main job end to end: the generated default data set on the virtual chip (PACE, secure
/// messaging) behind pcscd + vpcd, read and verified by the built `cccd read`.
extension PCSCEndToEnd {
    static var defaultDataSet: URL { repositoryRoot.appendingPathComponent("TestVectors/datasets/default") }

    @Test(arguments: [["--can", "012345"], ["--mrz", "190012345,900815,300815"]])
    func readAndVerifyTheDefaultDataSet(access: [String]) async throws {
        let card = try DataSetChip.load(Self.defaultDataSet)
        let connection = VPCDConnection(card: card, port: bed.basePort)
        try connection.insertSettled()
        defer { connection.eject() }
        let dump = FileManager.default.temporaryDirectory.appendingPathComponent("cccd-ds-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dump) }

        let csca = Self.defaultDataSet.appendingPathComponent("pki/csca.pem").path
        let run = try Self.runCLI(
            ["read", "--reader", "0", "--json", "--timeout", "15", "--trust", csca, "--out", dump.path] + access)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any], "\(run.stderr)")
        let accessBlock = try #require(object["access"] as? [String: Any])
        #expect(accessBlock["protocol"] as? String == "PACE")
        let verification = try #require(object["verification"] as? [String: Any])
        #expect(verification["overall"] as? String == "valid")
        #expect((verification["passive"] as? [String: Any])?["status"] as? String == "valid")
        #expect((verification["active"] as? [String: Any])?["status"] as? String == "valid", "\(verification)")
        #expect((verification["chip"] as? [String: Any])?["status"] as? String == "valid", "\(verification)")

        // Every citizen field exactly as the data set's DG13 says (diacritics included).
        let dg13 = try [UInt8](Data(contentsOf: Self.defaultDataSet.appendingPathComponent("DG13.bin")))
        let expected = try JSONSerialization.jsonObject(with: JSONEncoder().encode(try DG13Parser.parse(dg13)))
        let citizen = try #require(object["citizen"] as? [String: Any])
        #expect(NSDictionary(dictionary: citizen).isEqual(to: expected as! [String: Any]))
        #expect((citizen["fullName"] as? String)?.contains("Nguyễn") == true)

        // The photo and the dump are the chip's bytes.
        let description = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: Self.defaultDataSet.appendingPathComponent("card.json")))
                as? [String: Any])
        let photo = try #require(description["photo"] as? [String: Any])
        #expect((object["photo"] as? [String: Any])?["sha256"] as? String == photo["sha256"] as? String)
        for name in ["EF.COM.bin", "EF.SOD.bin", "DG1.bin", "DG2.bin", "DG13.bin", "DG14.bin", "DG15.bin"] {
            #expect(try Data(contentsOf: dump.appendingPathComponent(name))
                == Data(contentsOf: Self.defaultDataSet.appendingPathComponent(name)), "\(name)")
        }
        #expect(!run.stderr.contains("Nguyễn") && !run.stderr.contains("079190012345"))
    }

    @Test func untrustedWithoutTheTestCSCAAndWrongCAN() async throws {
        let card = try DataSetChip.load(Self.defaultDataSet)
        let connection = VPCDConnection(card: card, port: bed.basePort)
        try connection.insertSettled()
        defer { connection.eject() }
        // Built-in store only: the test CSCA is not in it → untrusted → 4.
        let untrusted = try Self.runCLI(["read", "--reader", "0", "--json", "--timeout", "15", "--can", "012345"])
        #expect(untrusted.status == 4, "\(untrusted.stderr)")
        let object = try JSONSerialization.jsonObject(with: untrusted.stdout) as? [String: Any]
        #expect((object?["verification"] as? [String: Any])?["overall"] as? String == "untrusted")
        // A wrong CAN: typed error, exit 2, advice to use the last 6 digits.
        let wrong = try Self.runCLI(["read", "--reader", "0", "--timeout", "15", "--can", "654321", "--lang", "en"])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("last 6 digits"), "\(wrong.stderr)")
    }
}
