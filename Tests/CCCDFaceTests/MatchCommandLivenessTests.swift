import CCCDFace
import CCCDTestSupport
import Foundation
import Testing

/// `cccd match --json` end to end: the liveness block with the shipped threshold and models folder
/// layout (the dlib models and the two ONNX files side by side, as the set-up installs them).
@Suite(
    "cccd match: liveness and levels",
    .enabled(if: SharedFolder.available("models"), "needs ../shared/models (not found)"))
struct MatchCommandLivenessTests {
    /// A models folder with links to the installed dlib models and, if asked, the PAD models.
    static func modelsFolder(withPAD: Bool) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cccd-pad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let dlib = FaceModelFiles.defaultDirectory()
        for name in [FaceModelFiles.recognition, FaceModelFiles.landmarks, FaceModelFiles.cnnDetector] {
            try? FileManager.default.createSymbolicLink(
                at: folder.appendingPathComponent(name),
                withDestinationURL: dlib.appendingPathComponent(name))
        }
        if withPAD {
            for model in PADModelFiles.all {
                try FileManager.default.createSymbolicLink(
                    at: folder.appendingPathComponent(model.file),
                    withDestinationURL: SharedFolder.url("models/minifasnet/\(model.file)"))
            }
        }
        return folder
    }

    static func match(_ arguments: [String], models: URL) throws -> (status: Int32, json: [String: Any]) {
        let cccd = BuiltExecutable.url("cccd", repositoryRoot: SharedFolder.repositoryRoot)
        let (status, output) = try BuiltExecutable.run(
            cccd, ["match", "--json"] + arguments, in: SharedFolder.repositoryRoot,
            environment: [FaceModelFiles.environmentVariable: models.path])
        let json = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any] ?? [:]
        return (status, json)
    }

    static func sample(_ name: String) -> String { SharedFolder.url("models/pad-samples/\(name)").path }

    @Test("Attack samples are attack-suspected, the live sample live; the match decision is unchanged")
    func samples() throws {
        let models = try Self.modelsFolder(withPAD: true)
        defer { try? FileManager.default.removeItem(at: models) }
        for (name, expected) in [
            ("image_F1.jpg", "attack-suspected"), ("image_F2.jpg", "attack-suspected"), ("image_T1.jpg", "live"),
        ] {
            let (status, json) = try Self.match([Self.sample("image_T1.jpg"), Self.sample(name)], models: models)
            let liveness = json["liveness"] as? [String: Any]
            #expect(liveness?["status"] as? String == expected, "\(name): \(liveness ?? [:])")
            #expect(liveness?["threshold"] as? Double == PresentationAttackDetector.defaultThreshold)
            #expect(liveness?["model"] as? String == PADModelFiles.modelId)
            #expect(liveness?["frames"] as? Int == 1)
            // PAD never changes the face decision or the exit status.
            #expect((json["match"] as? Bool) == (status == 0))
            #expect(json["level"] as? String == "standard")
        }
    }

    @Test("Without the PAD models: not-available, and the comparison still runs")
    func missingModels() throws {
        let models = try Self.modelsFolder(withPAD: false)
        defer { try? FileManager.default.removeItem(at: models) }
        let (status, json) = try Self.match([Self.sample("image_T1.jpg"), Self.sample("image_T1.jpg")], models: models)
        #expect(status == 0)
        let liveness = json["liveness"] as? [String: Any]
        #expect(liveness?["status"] as? String == "not-available")
        #expect((liveness?["signals"] as? [String: Any])?["reason"] as? String != nil)
    }

    @Test("Several live frames and the strict level")
    func framesAndLevel() throws {
        let models = try Self.modelsFolder(withPAD: true)
        defer { try? FileManager.default.removeItem(at: models) }
        let frames = ["image_T1.jpg", "image_F1.jpg", "image_F2.jpg"].map(Self.sample)
        let (_, json) = try Self.match([Self.sample("image_T1.jpg")] + frames + ["--level", "strict"], models: models)
        let liveness = json["liveness"] as? [String: Any]
        #expect(liveness?["frames"] as? Int == 3)
        #expect(liveness?["status"] as? String == "attack-suspected")  // median of (live, attack, attack)
        #expect(json["level"] as? String == "strict")
        #expect(abs((json["threshold"] as? Double ?? 0) - FaceDecisionLevel.strict.threshold) < 1e-9)
        let cccd = BuiltExecutable.url("cccd", repositoryRoot: SharedFolder.repositoryRoot)
        let six = try BuiltExecutable.run(
            cccd, ["match", "--json"] + Array(repeating: Self.sample("image_T1.jpg"), count: 7),
            in: SharedFolder.repositoryRoot)
        #expect(six.status == 64, "more than 5 live frames is a usage error")
    }

    @Test("--pad-threshold is used and reported; outside 0.05–0.95 it is a usage error")
    func padThreshold() throws {
        let models = try Self.modelsFolder(withPAD: true)
        defer { try? FileManager.default.removeItem(at: models) }
        let (_, json) = try Self.match(
            [Self.sample("image_T1.jpg"), Self.sample("image_T1.jpg"), "--pad-threshold", "0.9"],
            models: models)
        let liveness = try #require(json["liveness"] as? [String: Any])
        #expect(liveness["threshold"] as? Double == 0.9)
        let score = try #require(liveness["score"] as? Double)
        #expect(liveness["status"] as? String == (score >= 0.9 ? "live" : "attack-suspected"), "\(liveness)")
        let cccd = BuiltExecutable.url("cccd", repositoryRoot: SharedFolder.repositoryRoot)
        for bad in ["0", "0.99", "x"] {
            let run = try BuiltExecutable.run(
                cccd,
                [
                    "match", Self.sample("image_T1.jpg"), Self.sample("image_T1.jpg"),
                    "--pad-threshold", bad,
                ], in: SharedFolder.repositoryRoot)
            #expect(run.status == 64, "--pad-threshold \(bad)")
        }
    }
}
