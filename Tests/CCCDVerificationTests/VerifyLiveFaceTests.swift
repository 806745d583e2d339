import CCCDTestData
import Foundation
import Testing

/// `cccd verify DIR --live IMAGE` through the built binary, on a copy of the default data set whose
/// DG2 holds a public face photo (re-signed by the generator). The photos come from
/// scripts/setup-face-testdata.sh (cache, never committed) and the models from
/// scripts/setup-face-models.sh.
@Suite("cccd verify --live")
struct VerifyLiveFaceTests {
    static let faces: URL = {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["CCCD_FACE_TESTDATA"], !path.isEmpty { return URL(fileURLWithPath: path) }
        let cache = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory() + "/.cache"
        return URL(fileURLWithPath: cache + "/cccdkit/face-testdata")
    }()

    struct MissingPhoto: Error, CustomStringConvertible {
        let path: String
        var description: String { "face test photo \(path) is missing: run scripts/setup-face-testdata.sh" }
    }

    static func photo(_ relativePath: String) throws -> String {
        let path = faces.appendingPathComponent(relativePath).path
        guard FileManager.default.fileExists(atPath: path) else { throw MissingPhoto(path: path) }
        return path
    }

    /// A temporary copy of the default data set with `chip` as its DG2 photo, EF.SOD re-signed.
    static func faceDataSet(chip: String) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cccd-live-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for name in ["pki", "default"] {
            try FileManager.default.copyItem(
                at: Fixtures.datasets.appendingPathComponent(name), to: root.appendingPathComponent(name))
        }
        let pki = try TestPKI(folder: root.appendingPathComponent("pki"))
        let image = [UInt8](try Data(contentsOf: URL(fileURLWithPath: chip)))
        try DataSetWriter.write(Fixtures.spec("default"), pki: pki, folder: root.appendingPathComponent("default"), photo: image)
        return root
    }

    static func verify(_ root: URL, live: String) throws -> (status: Int32, object: [String: Any]) {
        let folder = root.appendingPathComponent("default")
        let result = try VerifyCommandTests.run([
            "verify", folder.path, "--trust", folder.appendingPathComponent("pki/csca.pem").path, "--live", live, "--json",
        ])
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any] ?? [:]
        return (result.status, object)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: VerifyCommandTests.binary.path)))
    func samePersonMatchesOtherPersonDoesNot() throws {
        let root = try Self.faceDataSet(chip: Self.photo("chip/obama-jpeg-15k.jpg"))
        defer { try? FileManager.default.removeItem(at: root) }

        let same = try Self.verify(root, live: Self.photo("live/obama3-1280x720.jpg"))
        #expect(same.status == 0)
        #expect((same.object["verification"] as? [String: Any])?["overall"] as? String == "valid")
        let sameFace = try #require(same.object["face"] as? [String: Any])
        #expect(sameFace["match"] as? Bool == true)
        let similarity = try #require(sameFace["similarity"] as? Double)
        let threshold = try #require(sameFace["threshold"] as? Double)
        #expect(similarity >= threshold && similarity <= 1)

        let other = try Self.verify(root, live: Self.photo("originals/biden.jpg"))
        #expect(other.status == 0)  // a non-match does not change the verdict
        let otherFace = try #require(other.object["face"] as? [String: Any])
        #expect(otherFace["match"] as? Bool == false)
        #expect((otherFace["similarity"] as? Double).map { $0 < threshold } == true)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: VerifyCommandTests.binary.path)))
    func faceErrorIsReportedWithoutChangingTheVerdict() throws {
        let root = try Self.faceDataSet(chip: Self.photo("chip/obama-jpeg-15k.jpg"))
        defer { try? FileManager.default.removeItem(at: root) }

        let noFace = try Self.verify(root, live: Self.photo("originals/fruits.jpg"))
        #expect(noFace.status == 0)
        let error = try #require((noFace.object["face"] as? [String: Any])?["error"] as? [String: Any])
        #expect(error["kind"] as? String == "no-face")

        let unreadable = try Self.verify(root, live: root.appendingPathComponent("does-not-exist.jpg").path)
        #expect(unreadable.status == 0)
        #expect(((unreadable.object["face"] as? [String: Any])?["error"] as? [String: Any])?["kind"] as? String
            == "file-not-readable")

        // The committed data set's DG2 is a synthetic gradient without a face.
        let gradient = try VerifyCommandTests.run([
            "verify", "TestVectors/datasets/default", "--trust", "TestVectors/datasets/default/pki/csca.pem",
            "--live", Self.photo("live/obama3-1280x720.jpg"), "--json",
        ])
        #expect(gradient.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(gradient.output.utf8)) as? [String: Any] ?? [:]
        #expect(((object["face"] as? [String: Any])?["error"] as? [String: Any])?["kind"] is String)
    }
}
