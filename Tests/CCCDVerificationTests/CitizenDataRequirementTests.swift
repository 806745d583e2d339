import CCCDChipAuthentication
import CCCDLDS
import CCCDVerification
import Foundation
import Testing

/// Issue 14, item 4: a Vietnamese ID card without a readable, parseable DG13 is `incomplete`,
/// never `valid` — offline (`cccd verify DIR`) as well as after a live read.
@Suite("DG13 is required for a CCCD")
struct CitizenDataRequirementTests {
    /// A copy of the default data set's dump, changed by `change`, in a temporary folder.
    static func dumpFolder(_ change: (URL) throws -> Void) throws -> URL {
        let source = Fixtures.datasets.appendingPathComponent("default")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cccd-dg13-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) where name.hasSuffix(".bin") {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        try change(folder)
        return folder
    }

    static let trust = TrustStore.commandLine(paths: [Fixtures.datasets.appendingPathComponent("default/pki/csca.pem").path])

    @Test func dumpWithoutDG13IsIncomplete() throws {
        let folder = try Self.dumpFolder { try FileManager.default.removeItem(at: $0.appendingPathComponent("DG13.bin")) }
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = OfflineVerification.verify(try DumpFolder(folder: folder), trustStore: Self.trust)
        #expect(report.overall == .incomplete)
        #expect(report.passive.status == .incomplete)
        let reason = try #require(report.passive.reasons.first { $0.code == .citizenDataMissing })
        #expect(reason.severity == .incomplete && reason.dataGroup == 13)
        // Everything that was read still verifies: only the requirement holds the verdict.
        #expect(report.passive.dataGroups[1] == .valid && report.passive.dataGroups[13] == .notRead)
    }

    @Test func completeDumpStaysValid() throws {
        let report = OfflineVerification.verify(try Fixtures.dump("default"), trustStore: Self.trust)
        #expect(report.overall == .valid, "\(report.passive.reasons)")
        #expect(!report.passive.has(.citizenDataMissing))
    }

    @Test func unparseableDG13IsIncompleteOrWorse() throws {
        var files = try Fixtures.dump("default").files
        files[.dataGroup(.dg13)] = [0x6D, 0x03, 0x30, 0x01, 0x02]
        let reason = try #require(CitizenDataRequirement.check(files: files))
        #expect(reason.code == .citizenDataMissing && reason.severity == .incomplete)
    }

    @Test func onlyVietnameseIDCardsNeedDG13() throws {
        // A passport (P…) or another state's ID card: no requirement.
        let files = try Fixtures.dump("default").files
        let dg1 = try #require(files[.dataGroup(.dg1)])
        let text = String(decoding: dg1, as: UTF8.self)
        for (from, to) in [("IDVNM", "P<VNM"), ("IDVNM", "IDUTO")] {
            let changed = [UInt8](text.replacingOccurrences(of: from, with: to).utf8)
            guard changed != dg1 else { Issue.record("DG1 has no \(from)"); continue }
            var other = files
            other[.dataGroup(.dg1)] = changed
            other[.dataGroup(.dg13)] = nil
            #expect(CitizenDataRequirement.check(files: other) == nil, "\(to)")
        }
        var cccd = files
        cccd[.dataGroup(.dg13)] = nil
        #expect(CitizenDataRequirement.check(files: cccd) != nil)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: VerifyCommandTests.binary.path)))
    func cccdVerifyWithoutDG13ExitsIncomplete() throws {
        let folder = try Self.dumpFolder { try FileManager.default.removeItem(at: $0.appendingPathComponent("DG13.bin")) }
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try VerifyCommandTests.run([
            "verify", folder.path, "--trust", "TestVectors/datasets/default/pki/csca.pem", "--json",
        ])
        #expect(result.status == 4)
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as! [String: Any]
        let verification = object["verification"] as! [String: Any]
        #expect(verification["overall"] as? String == "incomplete")
        #expect(result.output.contains("citizenDataMissing"))
    }
}
