import CCCDTestSupport
import Foundation
import Testing

/// `cccd inspect` through the built binary, on the committed synthetic data set and, when present,
/// on ../shared/realworld files.
@Suite("cccd inspect")
struct InspectCommandTests {
    /// The repository root: this file is Tests/CCCDLDSTests/InspectCommandTests.swift.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let binary = BuiltExecutable.url("cccd", repositoryRoot: repository)
    static let built = ConditionTrait.enabled(
        if: FileManager.default.fileExists(atPath: binary.path), "cccd is not built beside the tests")

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try BuiltExecutable.run(binary, arguments, in: repository)
    }

    /// `inspect --json` on `files`: exit status and the file objects.
    static func inspect(_ files: [String]) throws -> (status: Int32, files: [[String: Any]], output: String) {
        let result = try run(["inspect", "--json"] + files)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        return (result.status, try #require(object["files"] as? [[String: Any]]), result.output)
    }

    static func value(_ object: Any?, _ path: String...) -> Any? {
        var current = object
        for key in path {
            if let index = Int(key), let list = current as? [Any] {
                current = index < list.count ? list[index] : nil
            } else {
                current = (current as? [String: Any])?[key]
            }
        }
        return current
    }

    static let dataSet = "TestVectors/datasets/default/"

    @Test(built)
    func everyKindOfTheSyntheticDataSet() throws {
        let names = [
            "EF.COM.bin", "EF.CardAccess.bin", "EF.SOD.bin", "DG1.bin", "DG2.bin", "DG13.bin", "DG14.bin", "DG15.bin",
            "pki/csca.pem", "pki/dsc.pem", "pki/csca.crl",
        ]
        let result = try Self.inspect(names.map { Self.dataSet + $0 } + ["TestVectors/datasets/pki/test-masterlist.ml"])
        #expect(result.status == 0, "\(result.output)")
        let kinds = result.files.map { $0["kind"] as? String ?? "-" }
        #expect(kinds == [
            "EF.COM", "EF.CardAccess", "EF.SOD", "DG1", "DG2", "DG13", "DG14", "DG15", "PEM", "PEM", "X.509 CRL",
            "ICAO master list",
        ])
        let files = result.files.map { $0["fields"] }
        #expect(Self.value(files[0], "dataGroups") as? [String] == ["DG1", "DG2", "DG3", "DG13", "DG14", "DG15"])
        let cardAccess = Self.value(files[1], "securityInfos") as? [[String: Any]] ?? []
        #expect(cardAccess.map { $0["type"] as? String } == ["TerminalAuthenticationInfo", "ChipAuthenticationInfo", "PACEInfo"])
        #expect(cardAccess.last?["protocol"] as? String == "0.4.0.127.0.7.2.2.4.2.2")
        #expect(cardAccess.last?["parameterId"] as? Int == 13)
        #expect(Self.value(files[2], "ldsSecurityObject", "hashAlgorithm") as? String == "sha256")
        let hashes = Self.value(files[2], "ldsSecurityObject", "dataGroupHashes") as? [[String: Any]] ?? []
        #expect(hashes.compactMap { $0["dataGroup"] as? Int } == [1, 2, 13, 14, 15])
        let signer = Self.value(files[2], "signedData", "certificates", "0", "subject") as? String
        #expect(signer == Self.value(files[9], "certificates", "0", "subject") as? String)
        #expect(Self.value(files[3], "issuingState") as? String == "VNM")
        #expect(Self.value(files[4], "records", "0", "encoding") as? String == "iso19794-5")
        #expect(Self.value(files[4], "records", "0", "faces", "0", "image", "format") as? String == "jpeg")
        // Vietnamese text stays UTF-8 (not \u-escaped) in the JSON.
        #expect(Self.value(files[5], "fullName") as? String == "Nguyễn Thị Minh Khai")
        #expect(result.output.contains("Nguyễn Thị Minh Khai"))
        let dg14 = Self.value(files[6], "securityInfos") as? [[String: Any]] ?? []
        #expect(dg14.first?["type"] as? String == "ChipAuthenticationInfo" && dg14.first?["keyId"] as? Int == 1)
        #expect(Self.value(files[7], "keyType") as? String == "RSA" && Self.value(files[7], "modulusBits") as? Int == 2048)
        #expect(Self.value(files[8], "certificates", "0", "isCertificateAuthority") as? Bool == true)
        #expect(Self.value(files[10], "issuer") as? String == Self.value(files[8], "certificates", "0", "subject") as? String)
        #expect((Self.value(files[11], "certificateCount") as? Int ?? 0) > 0)
        // The text form names every file and its kind.
        let text = try Self.run(["inspect"] + names.prefix(3).map { Self.dataSet + $0 })
        #expect(text.status == 0)
        #expect(text.output.contains("== \(Self.dataSet)EF.SOD.bin (EF.SOD, "))
        #expect(text.output.contains("hashAlgorithm: sha256"))
    }

    @Test(built)
    func corruptFileGivesTheErrorWithItsOffset() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("inspect-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var dg1 = [UInt8](try Data(contentsOf: Self.repository.appendingPathComponent(Self.dataSet + "DG1.bin")))
        #expect(dg1.starts(with: [0x61, 0x5D, 0x5F, 0x1F, 0x5A]))
        dg1[4] = 0x7F  // 5F1F declares more than 61 holds
        let corrupt = folder.appendingPathComponent("DG1.bin")
        try Data(dg1).write(to: corrupt)
        let result = try Self.inspect([corrupt.path, Self.dataSet + "EF.COM.bin"])
        #expect(result.status == 2)
        let error = try #require(result.files.first?["error"] as? [String: Any])
        #expect(error["kind"] as? String == "truncated")
        #expect(error["offset"] as? Int == 2)
        #expect(result.files.last?["error"] == nil && result.files.last?["fields"] != nil)
        let text = try Self.run(["inspect", corrupt.path])
        #expect(text.status == 2 && text.output.contains("structure breaks at byte offset 2"))
        // Missing, unrecognised, no file at all.
        #expect(try Self.run(["inspect", Self.dataSet + "missing.bin"]).status == 2)
        #expect(try Self.run(["inspect", Self.dataSet + "card.json"]).status == 2)
        #expect(try Self.run(["inspect"]).status == 64)
    }

    @Test(built, Realworld.required("gmrtd-sod-de", "gmrtd-master-lists", "gmrtd-dg2-iso39794-allfields"))
    func realWorldFiles() throws {
        let root = Realworld.directory.path + "/"
        let result = try Self.inspect([
            root + "gmrtd-sod-de/EF.SOD.bin", root + "gmrtd-sod-de/dsc.der",
            root + "gmrtd-master-lists/DE_ML_2026-05-28.ml", root + "gmrtd-dg2-iso39794-allfields/DG2.bin",
        ])
        #expect(result.status == 0, "\(result.output.prefix(2000))")
        let files = result.files.map { $0["fields"] }
        #expect(Self.value(files[0], "ldsSecurityObject", "hashAlgorithm") as? String == "sha384")
        let hashes = Self.value(files[0], "ldsSecurityObject", "dataGroupHashes") as? [[String: Any]] ?? []
        #expect(hashes.compactMap { $0["dataGroup"] as? Int }.contains(14))
        let dsc = try #require(Self.value(files[1], "subject") as? String)
        #expect(result.files[1]["kind"] as? String == "X.509 certificate")
        #expect(dsc.contains("C=DE"))
        #expect(Self.value(files[0], "signedData", "certificates", "0", "subject") as? String == dsc)
        #expect(Self.value(files[2], "certificateCount") as? Int == 588)
        #expect(Self.value(files[3], "records", "0", "encoding") as? String == "iso39794-5")
        #expect(Self.value(files[3], "records", "0", "faces", "0", "width") as? Int == 572)
        #expect(Self.value(files[3], "records", "0", "faces", "0", "iso39794", "subjectHeight") as? Int == 1786)
    }
}
