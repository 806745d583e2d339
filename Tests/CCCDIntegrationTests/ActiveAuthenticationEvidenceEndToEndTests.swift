import CCCDKit
import CCCDTestSupport
import CCCDVirtualCard
import Foundation
import Testing

/// Active Authentication evidence through pcscd: a genuine chip read with the caller's challenge
/// re-verifies offline from its dump; altering the challenge or the response, or a clone's
/// evidence, gives AA `invalid` (exit status 3).
extension PCSCEndToEnd {
    /// Reads `chip` with `--aa-challenge` into a dump folder; returns the folder.
    func readEvidence(_ chip: VirtualCard, challenge: String) throws -> (dump: URL, run: CLIRun) {
        let connection = VPCDConnection(card: chip, port: bed.basePort)
        try connection.insertSettled()
        defer { connection.eject() }
        let dump = FileManager.default.temporaryDirectory.appendingPathComponent("cccd-aa-\(UUID().uuidString)")
        let run = try Self.runCLI([
            "read", "--reader", "0", "--json", "--timeout", "15", "--trust", Self.defaultDataSet.appendingPathComponent("pki").path,
            "--can", "012345", "--out", dump.path, "--aa-challenge", challenge,
        ])
        return (dump, run)
    }

    static func verifyDump(_ dump: URL) throws -> (status: Int32, active: [String: Any]) {
        let run = try runCLI(["verify", dump.path, "--trust", defaultDataSet.appendingPathComponent("pki").path, "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any], "\(run.stderr)")
        let active = try #require((object["verification"] as? [String: Any])?["active"] as? [String: Any])
        return (run.status, active)
    }

    @Test func genuineAAEvidenceVerifiesOfflineAndAlteredEvidenceFails() async throws {
        let (dump, read) = try readEvidence(try DataSetChip.load(Self.defaultDataSet), challenge: "A1B2C3D4E5F60718")
        defer { try? FileManager.default.removeItem(at: dump) }
        #expect(read.status == 0, "\(read.stderr)")
        let genuine = try Self.verifyDump(dump)
        #expect(genuine.status == 0)
        #expect(genuine.active["status"] as? String == "valid", "\(genuine.active)")

        let challengeFile = dump.appendingPathComponent("AA.challenge.bin")
        let responseFile = dump.appendingPathComponent("AA.response.bin")
        let challenge = try Data(contentsOf: challengeFile)
        #expect(challenge == Data([0xA1, 0xB2, 0xC3, 0xD4, 0xE5, 0xF6, 0x07, 0x18]))
        let response = try Data(contentsOf: responseFile)
        var otherChallenge = challenge
        otherChallenge[0] ^= 0x80
        try otherChallenge.write(to: challengeFile)
        let replayed = try Self.verifyDump(dump)
        #expect(replayed.status == 3)
        #expect(replayed.active["status"] as? String == "invalid", "\(replayed.active)")

        try challenge.write(to: challengeFile)
        var otherResponse = response
        otherResponse[otherResponse.count / 2] ^= 0x01
        try otherResponse.write(to: responseFile)
        let forged = try Self.verifyDump(dump)
        #expect(forged.status == 3)
        #expect(forged.active["status"] as? String == "invalid", "\(forged.active)")

        // Half the evidence is an unreadable dump, never a silent not-performed.
        try FileManager.default.removeItem(at: responseFile)
        #expect(try Self.runCLI(["verify", dump.path, "--json"]).status == 2)
    }

    @Test func cloneAAEvidenceFailsOffline() async throws {
        let (dump, read) = try readEvidence(try DataSetChip.load(Self.defaultDataSet, clone: true), challenge: "0011223344556677")
        defer { try? FileManager.default.removeItem(at: dump) }
        #expect(read.status == 3, "\(read.stderr)")
        #expect(FileManager.default.fileExists(atPath: dump.appendingPathComponent("AA.response.bin").path))
        let offline = try Self.verifyDump(dump)
        #expect(offline.status == 3)
        #expect(offline.active["status"] as? String == "invalid", "\(offline.active)")
    }
}
