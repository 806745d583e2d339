import CCCDKit
import CCCDLDS
import CCCDTestData
import CCCDTestSupport
import CCCDVirtualCard
import Foundation
import Testing

/// PACE-CAM evidence through pcscd (issue 15, item 3): a genuine PACE-CAM read dumps
/// `CAM.mappingKey.bin` / `CAM.caIC.bin`, and `cccd verify` re-checks CAM offline — `valid` for the
/// genuine chip (key from DG14, or from an EF.CardSecurity signed by the document signer), `invalid`
/// for a changed byte, a clone or an EF.CardSecurity whose signature breaks, `not-performed` without
/// the files. The same through a `cccdkit` bundle and `cccd evidence verify`.
extension PCSCEndToEnd {
    /// `cccd read --out` of the default data set's chip offering PACE-CAM only.
    func readPACECAM(clone: Bool) throws -> (dump: URL, run: CLIRun) {
        let chip = try DataSetChip.load(Self.defaultDataSet, clone: clone, adjustments: .init(paceCAM: true))
        let connection = VPCDConnection(card: chip, port: bed.basePort)
        try connection.insertSettled()
        defer { connection.eject() }
        let dump = FileManager.default.temporaryDirectory.appendingPathComponent("cccd-cam-\(UUID().uuidString)")
        let run = try Self.runCLI([
            "read", "--reader", "0", "--json", "--timeout", "15", "--trust",
            Self.defaultDataSet.appendingPathComponent("pki").path,
            "--can", "012345", "--out", dump.path, "--aa-challenge", "0102030405060708",
        ])
        return (dump, run)
    }

    /// `cccd verify DIR --json`: exit status and `verification.chip`; the output follows the schema.
    static func verifyChip(_ dump: URL) throws -> (status: Int32, chip: [String: Any]) {
        let run = try runCLI(["verify", dump.path, "--trust", defaultDataSet.appendingPathComponent("pki").path, "--json"])
        #expect(try ResultSchema.errors(run.stdout) == [], "cccd verify --json does not follow the schema")
        let object = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any], "\(run.stderr)")
        return (run.status, try #require((object["verification"] as? [String: Any])?["chip"] as? [String: Any]))
    }

    /// EF.CardSecurity over DG14's SecurityInfos, signed by the data set's document signer.
    static func cardSecurity(dg14: [UInt8]) throws -> Data {
        // DG14 = 6E L SET OF SecurityInfo: EF.CardSecurity signs the same SET.
        var offset = 2
        if dg14[1] & 0x80 != 0 { offset += Int(dg14[1] & 0x7F) }
        let pki = repositoryRoot.appendingPathComponent("TestVectors/datasets/pki")
        let signer = try TestCertificate(pem: String(contentsOf: pki.appendingPathComponent("dsc-ecdsa.pem"), encoding: .utf8))
        let key = try TestKey.load(pem: String(contentsOf: pki.appendingPathComponent("keys/dsc-ecdsa.key.pem"), encoding: .utf8))
        return Data(
            try CMSSigner.sign(
                content: Array(dg14[offset...]), contentType: ObjectIdentifiers.securityObject, signer: signer, key: key,
                scheme: SigningScheme(hash: "SHA256")))
    }

    @Test func genuinePACECAMEvidenceVerifiesOfflineAndAlteredEvidenceFails() async throws {
        let (dump, read) = try readPACECAM(clone: false)
        defer { try? FileManager.default.removeItem(at: dump) }
        #expect(read.status == 0, "\(read.stderr)")
        let live = try #require(try JSONSerialization.jsonObject(with: read.stdout) as? [String: Any])
        let liveChip = try #require((live["verification"] as? [String: Any])?["chip"] as? [String: Any])
        let recorded = try #require(liveChip["evidence"] as? [String: Any])
        #expect(recorded["protocolName"] as? String == "id-PACE-ECDH-CAM-AES-CBC-CMAC-128", "\(recorded)")
        #expect(recorded["keyId"] as? Int == 1 && recorded["domainParameterId"] is Int, "\(recorded)")

        let mappingFile = dump.appendingPathComponent("CAM.mappingKey.bin")
        let caICFile = dump.appendingPathComponent("CAM.caIC.bin")
        let mapping = try Data(contentsOf: mappingFile)
        let caIC = try Data(contentsOf: caICFile)
        #expect(mapping.first == 0x04 && mapping.count == 65 && !caIC.isEmpty)
        #expect(recorded["mappingKey"] as? String == mapping.base64EncodedString())

        // Genuine: valid offline, and the same chip block as the live read.
        let genuine = try Self.verifyChip(dump)
        #expect(genuine.status == 0)
        #expect(
            genuine.chip["status"] as? String == "valid" && genuine.chip["method"] as? String == "PACE-CAM, key from DG14",
            "\(genuine.chip)")
        #expect(NSDictionary(dictionary: genuine.chip).isEqual(to: liveChip), "\(genuine.chip) vs \(liveChip)")

        // One changed byte in CA_IC or in the mapping key: invalid.
        for (file, original) in [(caICFile, caIC), (mappingFile, mapping)] {
            for index in [1, original.count - 1] {
                var altered = original
                altered[index] ^= 0x01
                try altered.write(to: file)
                let result = try Self.verifyChip(dump)
                #expect(result.status == 3, "\(file.lastPathComponent)[\(index)]")
                #expect(result.chip["status"] as? String == "invalid", "\(result.chip)")
            }
            try original.write(to: file)
        }

        // PK_IC from an EF.CardSecurity signed by the document signer: valid; its signature broken: not valid.
        let dg14 = try [UInt8](Data(contentsOf: dump.appendingPathComponent("DG14.bin")))
        let cardSecurityFile = dump.appendingPathComponent("EF.CardSecurity.bin")
        let cardSecurity = try Self.cardSecurity(dg14: dg14)
        try cardSecurity.write(to: cardSecurityFile)
        let signed = try Self.verifyChip(dump)
        #expect(signed.status == 0)
        #expect(signed.chip["method"] as? String == "PACE-CAM, key from EF.CardSecurity", "\(signed.chip)")
        var broken = cardSecurity
        broken[broken.count - 1] ^= 0x01
        try broken.write(to: cardSecurityFile)
        let unsigned = try Self.verifyChip(dump)
        #expect(unsigned.status == 3)
        #expect(unsigned.chip["status"] as? String == "invalid", "\(unsigned.chip)")
        #expect(
            (unsigned.chip["reasons"] as? [[String: Any]])?.contains { $0["code"] as? String == "securityInfosUnauthenticated" }
                == true)
        try FileManager.default.removeItem(at: cardSecurityFile)

        // Without the evidence nothing is claimed; half of it is an unreadable dump.
        try FileManager.default.removeItem(at: caICFile)
        #expect(try Self.runCLI(["verify", dump.path, "--json"]).status == 2)
        try FileManager.default.removeItem(at: mappingFile)
        let none = try Self.verifyChip(dump)
        #expect(none.chip["status"] as? String == "not-performed", "\(none.chip)")
    }

    @Test func clonePACECAMEvidenceFailsOfflineAndInTheBundle() async throws {
        let (dump, read) = try readPACECAM(clone: true)
        defer { try? FileManager.default.removeItem(at: dump) }
        #expect(read.status == 3, "\(read.stderr)")
        #expect(FileManager.default.fileExists(atPath: dump.appendingPathComponent("CAM.caIC.bin").path))
        let offline = try Self.verifyChip(dump)
        #expect(offline.status == 3)
        #expect(offline.chip["status"] as? String == "invalid", "\(offline.chip)")
        #expect(
            (offline.chip["reasons"] as? [[String: Any]])?.contains { $0["code"] as? String == "chipAuthenticationDataMismatch" }
                == true)
    }

    @Test func pacecamBundleReverifiesAndAlteredBundleFails() async throws {
        let (dump, read) = try readPACECAM(clone: false)
        defer { try? FileManager.default.removeItem(at: dump) }
        #expect(read.status == 0, "\(read.stderr)")
        let trust = Self.defaultDataSet.appendingPathComponent("pki").path
        let export = try Self.runCLI(["evidence", "export", dump.path, "--trust", trust])
        #expect(export.status == 0, "\(export.stderr)")
        var bundle = try #require(try JSONSerialization.jsonObject(with: export.stdout) as? [String: Any])
        let chip = try #require(bundle["chipAuthentication"] as? [String: Any])
        #expect(chip["status"] as? String == "valid" && chip["keyId"] as? Int == 1, "\(chip)")
        let caIC = try #require(chip["caIC"] as? String)
        #expect(Data(base64Encoded: caIC) == (try Data(contentsOf: dump.appendingPathComponent("CAM.caIC.bin"))))

        func verify(_ object: [String: Any]) throws -> (status: Int32, chip: [String: Any]) {
            let file = dump.appendingPathComponent("bundle-\(UUID().uuidString).json")
            try JSONSerialization.data(withJSONObject: object).write(to: file)
            let run = try Self.runCLI(["evidence", "verify", file.path, "--trust", trust, "--json"])
            let result = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any], "\(run.stderr)")
            return (run.status, try #require((result["verification"] as? [String: Any])?["chip"] as? [String: Any]))
        }
        let genuine = try verify(bundle)
        #expect(genuine.status == 0 && genuine.chip["status"] as? String == "valid", "\(genuine.chip)")
        var altered = chip
        var bytes = [UInt8](Data(base64Encoded: caIC)!)
        bytes[0] ^= 0x01
        altered["caIC"] = Data(bytes).base64EncodedString()
        bundle["chipAuthentication"] = altered
        let forged = try verify(bundle)
        #expect(forged.status == 3 && forged.chip["status"] as? String == "invalid", "\(forged.chip)")
    }
}
