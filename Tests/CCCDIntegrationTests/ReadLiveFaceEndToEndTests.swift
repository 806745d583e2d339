import CCCDTestSupport
import CCCDVirtualCard
import Foundation
import Testing

/// `cccd read … --live IMAGE` through pcscd + vpcd + the virtual card: a copy of the default data set
/// whose DG2 holds a public face photo (regenerated and re-signed by the built `cccd-datasets
/// --photo`). Photos from scripts/setup-face-testdata.sh (cache, never committed).
extension PCSCEndToEnd {
    static var faceTestData: URL {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["CCCD_FACE_TESTDATA"], !path.isEmpty { return URL(fileURLWithPath: path) }
        let cache = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory() + "/.cache"
        return URL(fileURLWithPath: cache + "/cccdkit/face-testdata")
    }

    struct MissingFacePhoto: Error, CustomStringConvertible {
        let path: String
        var description: String { "face test photo \(path) is missing: run scripts/setup-face-testdata.sh" }
    }

    static func facePhoto(_ relativePath: String) throws -> String {
        let path = faceTestData.appendingPathComponent(relativePath).path
        guard FileManager.default.fileExists(atPath: path) else { throw MissingFacePhoto(path: path) }
        return path
    }

    /// A temporary root with `pki` and `default`, whose DG2 is the 15 KB JPEG of obama.jpg (re-signed).
    static func makeFaceDataSet() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cccd-live-read-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let datasets = Self.repositoryRoot.appendingPathComponent("TestVectors/datasets")
        for name in ["pki", "default"] {
            try FileManager.default.copyItem(at: datasets.appendingPathComponent(name), to: root.appendingPathComponent(name))
        }
        let generator = Process()
        generator.executableURL = Self.builtExecutable("cccd-datasets")
        generator.arguments = [
            "--root", root.path, "--only", "default", "--photo", try Self.facePhoto("chip/obama-jpeg-15k.jpg"),
        ]
        generator.standardOutput = FileHandle.nullDevice
        try generator.run()
        generator.waitUntilExit()
        try #require(generator.terminationStatus == 0)
        return root
    }

    @Test func readWithLivePhotoFillsTheFaceBlock() async throws {
        let root = try Self.makeFaceDataSet()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("default")
        let connection = VPCDConnection(card: try DataSetChip.load(folder), port: bed.basePort)
        try connection.insertSettled()
        defer { connection.eject() }
        let csca = folder.appendingPathComponent("pki/csca.pem").path

        for (live, expected) in [("live/obama3-1280x720.jpg", true), ("originals/biden.jpg", false)] {
            let run = try Self.runCLI([
                "read", "--reader", "0", "--can", "012345", "--json", "--timeout", "15", "--trust", csca,
                "--live", try Self.facePhoto(live),
            ])
            #expect(run.status == 0, "stderr: \(run.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any], "\(run.stderr)")
            #expect((object["verification"] as? [String: Any])?["overall"] as? String == "valid")
            let face = try #require(object["face"] as? [String: Any], "\(run.stderr)")
            #expect(face["match"] as? Bool == expected, "\(live)")
            #expect(face["threshold"] is Double && face["similarity"] is Double)
            // The presentation-attack signal of the live photo (advisory; both photos are camera photos).
            let liveness = try #require(face["liveness"] as? [String: Any], "\(face)")
            #expect(["live", "not-available"].contains(liveness["status"] as? String ?? ""), "\(liveness)")
            #expect(liveness["threshold"] is Double && liveness["frames"] as? Int == 1)
            #expect(face["level"] as? String == "standard")
        }

        // Several frames of one capture, the strict level and a PAD threshold; the face work overlaps
        // the read and its delay after the read is logged (timing only).
        let live = try Self.facePhoto("live/obama3-1280x720.jpg")
        let run = try Self.runCLI([
            "read", "--reader", "0", "--can", "012345", "--json", "--timeout", "15", "--trust", csca,
            "--live", live, "--live", try Self.facePhoto("originals/obama3.jpg"), "--level", "strict", "--pad-threshold", "0.6",
        ])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any], "\(run.stderr)")
        let face = try #require(object["face"] as? [String: Any], "\(run.stderr)")
        #expect(face["match"] as? Bool == true && face["level"] as? String == "strict")
        #expect(abs((face["threshold"] as? Double ?? 0) - 0.731) < 0.001, "the strict level's similarity threshold")
        let liveness = try #require(face["liveness"] as? [String: Any])
        #expect(liveness["frames"] as? Int == 2)
        #expect(liveness["threshold"] as? Double == 0.6)
        #expect(run.stderr.contains("face result") && run.stderr.contains("ms after the read"), "\(run.stderr)")

        let six = try Self.runCLI(
            ["read", "--reader", "0", "--can", "012345", "--json"] + Array(repeating: ["--live", live], count: 6).flatMap { $0 })
        #expect(six.status == 64, "more than 5 live frames is a usage error")
        let badThreshold = try Self.runCLI(["read", "--reader", "0", "--can", "012345", "--live", live, "--pad-threshold", "1"])
        #expect(badThreshold.status == 64)
    }
}
