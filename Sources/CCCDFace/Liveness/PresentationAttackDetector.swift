import CCCDPrimitives
import CFaceNativeAPI
import Foundation

/// Scores live frames with the two MiniFASNet models (OpenCV DNN): the face box from our own detector,
/// the crop of the models' origin (box scaled about its centre by the model's factor, shifted to stay
/// inside the frame), resized to 80×80, BGR, raw 0–255 values; the score is the mean of the two models'
/// live probabilities. Frames are assumed upright (`FaceImage` applies the EXIF orientation).
///
/// When the model files are missing or unusable every assessment is `not-available` with the reason;
/// the face comparison does not depend on them. Safe to share between tasks.
public final class PresentationAttackDetector: @unchecked Sendable {
    /// Median score at or above which the frames count as `live`. Calibrated with the shipped HOG
    /// detector on the three PAD samples and the colour face-test photos (docs/face-calibration.md).
    public static let defaultThreshold = 0.5
    /// Thresholds a deployment may configure (`--pad-threshold`, `face.padThreshold`): outside it the
    /// signal would flag (almost) every frame or none, which is a disabled check, not a calibration.
    public static let thresholdRange = 0.05...0.95
    /// `thresholdRange` for messages.
    public static let thresholdRangeText = "between 0.05 and 0.95"

    public struct Configuration: Sendable {
        /// Models directory; nil means `FaceModelFiles.defaultDirectory()`.
        public var modelsDirectory: URL?
        public var threshold: Double
        public var quality: FaceQualityGate

        public init(
            modelsDirectory: URL? = nil, threshold: Double = PresentationAttackDetector.defaultThreshold,
            quality: FaceQualityGate = FaceQualityGate()
        ) {
            self.modelsDirectory = modelsDirectory
            self.threshold = threshold
            self.quality = quality
        }
    }

    public let configuration: Configuration
    public let modelsDirectory: URL

    // The loaded networks (one per PADModelFiles.all entry) or why they are not there.
    private let loaded = LockedBox<(models: [OpaquePointer]?, unavailable: String?)>((nil, nil))

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        self.modelsDirectory = configuration.modelsDirectory ?? FaceModelFiles.defaultDirectory()
    }

    deinit {
        // Models exist only once the native library is loaded.
        guard let pad = FaceNativeLibrary.loaded?.pad else { return }
        for model in loaded.withLock({ $0.models }) ?? [] { pad.model_free(model) }
    }

    /// Loads the models now; returns nil when they are usable, otherwise why not.
    @discardableResult
    public func loadModels() -> String? {
        loaded.withLock { (state) -> String? in
            if state.models != nil { return nil }
            if let unavailable = state.unavailable { return unavailable }
            let (models, unavailable) = load()
            state.models = models
            state.unavailable = unavailable
            return unavailable
        }
    }

    /// The networks, or why they cannot be loaded (nothing stays loaded then).
    private func load() -> (models: [OpaquePointer]?, unavailable: String?) {
        for spec in PADModelFiles.all
        where !FileManager.default.isReadableFile(atPath: modelsDirectory.appendingPathComponent(spec.file).path) {
            return (nil, "PAD model \(spec.file) not found in \(modelsDirectory.path); run scripts/setup-face-models.sh")
        }
        // The native library (OpenCV DNN) is opened here, on the first load of models.
        let pad: cpad_api
        do { pad = try FaceNativeLibrary.shared().pad } catch { return (nil, error.description) }
        var loaded: [OpaquePointer] = []
        for spec in PADModelFiles.all {
            let path = modelsDirectory.appendingPathComponent(spec.file).path
            var model: OpaquePointer?
            var message = [CChar](repeating: 0, count: 256)
            guard pad.model_load(path, Int32(spec.inputSize), &model, &message, message.count) == CPAD_OK,
                let model
            else {
                loaded.forEach { pad.model_free($0) }
                return (nil, "cannot load PAD model \(spec.file): \(padText(message))")
            }
            loaded.append(model)
        }
        return (loaded, nil)
    }

    /// The mean live probability of the two models for `face` in `image`, and each model's.
    public func score(_ image: FaceImage, face: FaceDetection) throws(FaceError) -> (score: Double, models: [String: Double]) {
        if let reason = loadModels() { throw .modelLoadFailed(path: modelsDirectory.path, reason: reason) }
        let models = loaded.withLock { $0.models! }
        let pad = try FaceNativeLibrary.shared().pad
        var perModel: [String: Double] = [:]
        for (spec, model) in zip(PADModelFiles.all, models) {
            var live = 0.0
            var message = [CChar](repeating: 0, count: 256)
            let status = image.pixels.withUnsafeBufferPointer { pixels in
                pad.live_probability(
                    model, pixels.baseAddress, image.width, image.height, image.width * 3,
                    face.padBox, spec.cropScale, &live, nil, &message, message.count)
            }
            guard status == CPAD_OK, live.isFinite else { throw .internalError(padText(message)) }
            perModel[spec.file.replacingOccurrences(of: ".onnx", with: "")] = live
        }
        return (perModel.values.reduce(0, +) / Double(perModel.count), perModel)
    }

    /// Measures the frame's quality signals for `face`; with its landmarks (`FaceEngine.align`), its pose.
    public func quality(
        of image: FaceImage, face: FaceDetection,
        landmarks: [(x: Double, y: Double)]? = nil
    ) throws(FaceError) -> FrameQuality {
        let pad = try FaceNativeLibrary.shared().pad
        var sharpness = 0.0
        var message = [CChar](repeating: 0, count: 256)
        let status = image.pixels.withUnsafeBufferPointer { pixels in
            pad.sharpness(
                pixels.baseAddress, image.width, image.height, image.width * 3, face.padBox,
                Int32(configuration.quality.sharpnessSide), &sharpness, &message, message.count)
        }
        guard status == CPAD_OK else { throw .internalError(padText(message)) }
        let colour = Self.colourDifference(image, face: face)
        let pose = landmarks.flatMap { FacePose(landmarks: $0) }
        return FrameQuality(
            faceWidth: face.width, sharpness: sharpness, colourDifference: colour, pose: pose,
            failure: configuration.quality.failure(
                faceWidth: face.width, sharpness: sharpness,
                colourDifference: colour, pose: pose))
    }

    /// Mean absolute difference between the colour channels inside the face box (0 for a grey image).
    static func colourDifference(_ image: FaceImage, face: FaceDetection) -> Double {
        let left = max(0, Int(face.left))
        let right = min(image.width, Int(face.right.rounded(.up)))
        let top = max(0, Int(face.top))
        let bottom = min(image.height, Int(face.bottom.rounded(.up)))
        guard right > left, bottom > top else { return 0 }
        let step = max(1, min(right - left, bottom - top) / 64)
        var total = 0
        var count = 0
        image.pixels.withUnsafeBufferPointer { p in
            for y in stride(from: top, to: bottom, by: step) {
                for x in stride(from: left, to: right, by: step) {
                    let i = (y * image.width + x) * 3
                    let (r, g, b) = (Int(p[i]), Int(p[i + 1]), Int(p[i + 2]))
                    total += abs(r - g) + abs(g - b) + abs(r - b)
                    count += 1
                }
            }
        }
        return count == 0 ? 0 : Double(total) / Double(3 * count)
    }
}

/// A live frame's quality signals and, when it fails the gate, why.
public struct FrameQuality: Sendable, Equatable {
    public var faceWidth: Double
    public var sharpness: Double
    public var colourDifference: Double
    /// Roll and yaw proxies from the landmarks (nil when they were not measured).
    public var pose: FacePose?
    public var failure: String?
    public var passes: Bool { failure == nil }
}

extension FaceDetection {
    var padBox: cpad_box { cpad_box(left: left, top: top, right: right, bottom: bottom) }
}

/// The NUL-terminated C message in `buffer`.
private func padText(_ buffer: [CChar]) -> String {
    String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
