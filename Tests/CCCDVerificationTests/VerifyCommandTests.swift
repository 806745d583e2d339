import CCCDTestSupport
import Foundation
import Testing

/// `cccd verify` through the built binary.
@Suite("cccd verify")
struct VerifyCommandTests {
    static let binary = BuiltExecutable.url("cccd", repositoryRoot: Fixtures.repository)

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = Fixtures.repository
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: binary.path)))
    func defaultDataSetWithItsCSCA() throws {
        let result = try Self.run(["verify", "TestVectors/datasets/default", "--trust", "TestVectors/datasets/default/pki/csca.pem"])
        #expect(result.status == 0)
        #expect(result.output.contains("Overall: VALID"))
        let json = try Self.run([
            "verify", "TestVectors/datasets/default", "--trust", "TestVectors/datasets/default/pki/csca.pem", "--json",
        ])
        #expect(json.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as! [String: Any]
        #expect((object["verification"] as! [String: Any])["overall"] as? String == "valid")
        #expect((object["citizen"] as! [String: Any])["fullName"] as? String == "Nguyễn Thị Minh Khai")
        #expect((object["document"] as! [String: Any])["issuingState"] as? String == "VNM")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: binary.path)))
    func exitCodes() throws {
        #expect(try Self.run(["verify", "TestVectors/datasets/default"]).status == 4)
        #expect(try Self.run(["verify", "TestVectors/datasets/does-not-exist"]).status == 2)
        #expect(try Self.run(["verify"]).status == 64)
        #expect(try Self.run(["verify", "TestVectors/datasets/default", "--at", "yesterday"]).status == 64)
        // Expired signer time: the CSCAs are valid 2020–2040, signers 2021–2036.
        #expect(try Self.run([
            "verify", "TestVectors/datasets/default", "--trust", "TestVectors/datasets/pki", "--at", "2037-01-01",
        ]).status == 3)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: binary.path)))
    func masterListAsTrust() throws {
        // The list's signer chains to no CSCA named here: loaded with a warning, the card verifies.
        let result = try Self.run([
            "verify", "TestVectors/datasets/card-2024", "--trust", "TestVectors/datasets/pki/test-masterlist.ml", "--json",
        ])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as! [String: Any]
        let passive = (object["verification"] as! [String: Any])["passive"] as! [String: Any]
        #expect(passive["status"] as? String == "valid")
        let reasons = passive["reasons"] as! [[String: Any]]
        #expect(reasons.contains { $0["code"] as? String == "revocationUnknown" })
    }
}
