/// The presentation-attack detection (PAD) models: two MiniFASNet classifiers (Silent-Face-Anti-Spoofing
/// by minivision-ai, Apache-2.0, as ONNX), found in the face models folder (`FaceModelFiles`) under these
/// names. `scripts/setup-face-models.sh` installs them from ../shared/models/minifasnet, checked by SHA-256.
public enum PADModelFiles {
    /// One model: its file, the factor its training crop scaled the detector's box by, its input side.
    public struct Model: Sendable, Equatable {
        public let file: String
        public let cropScale: Double
        public let inputSize: Int
    }

    public static let miniFASNetV2 = Model(file: "MiniFASNetV2.onnx", cropScale: 2.7, inputSize: 80)
    public static let miniFASNetV1SE = Model(file: "MiniFASNetV1SE.onnx", cropScale: 4.0, inputSize: 80)
    /// Both models; the score is the mean of their live probabilities.
    public static let all = [miniFASNetV2, miniFASNetV1SE]
    /// The `model` reported with every liveness result.
    public static let modelId = "minifasnet-v2+v1se/opencv-dnn"
}
