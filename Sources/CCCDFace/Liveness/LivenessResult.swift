/// The presentation-attack (liveness) signal for the live photo(s): an advisory score, calibrated on few
/// samples, that flags a printed photo or a screen held up to the camera. Never proof of liveness, and it
/// never changes the face `match` decision.
public struct LivenessResult: Sendable, Equatable, Codable {
    public enum Status: String, Sendable, Codable {
        /// The median score of the usable frames is at or above the threshold.
        case live
        /// The median score is below the threshold: possibly a printed photo or a screen replay.
        case attackSuspected = "attack-suspected"
        /// No frame passed the quality gate (no face, face too small or too blurred, grey-level photo).
        case insufficientQuality = "insufficient-quality"
        /// The PAD models are not installed or could not be loaded (see `signals.reason`).
        case notAvailable = "not-available"
    }

    /// What the decision was based on; nothing about the person.
    public struct Signals: Sendable, Equatable, Codable {
        /// Frames whose quality passed and that were scored.
        public var framesScored: Int
        /// Score per scored frame (mean of the two models), in frame order.
        public var frameScores: [Double]
        /// Per model, the live probability for the median frame.
        public var modelScores: [String: Double]?
        /// Laplacian variance of each frame's face (nil where no face was found).
        public var sharpness: [Double?]
        /// Face width in pixels of each frame (nil where no face was found).
        public var faceWidth: [Double?]
        /// Why there is no verdict (`insufficient-quality`, `not-available`), in English.
        public var reason: String?
        /// Head pose of each frame's face (`FacePose`: roll in degrees, yaw as the nose offset ratio);
        /// nil where no face was found. A face that is not frontal does not count (`insufficient-quality`).
        public var pose: [FacePose?]?

        public init(framesScored: Int = 0, frameScores: [Double] = [], modelScores: [String: Double]? = nil,
                    sharpness: [Double?] = [], faceWidth: [Double?] = [], reason: String? = nil, pose: [FacePose?]? = nil) {
            self.pose = pose
            self.framesScored = framesScored
            self.frameScores = frameScores
            self.modelScores = modelScores
            self.sharpness = sharpness
            self.faceWidth = faceWidth
            self.reason = reason
        }
    }

    public var status: Status
    /// The median live score of the scored frames, in [0, 1]; nil without a verdict.
    public var score: Double?
    public var threshold: Double
    /// Number of live frames given.
    public var frames: Int
    public var model: String
    public var signals: Signals

    public init(status: Status, score: Double?, threshold: Double, frames: Int,
                model: String = PADModelFiles.modelId, signals: Signals) {
        self.status = status
        self.score = score
        self.threshold = threshold
        self.frames = frames
        self.model = model
        self.signals = signals
    }

    /// The result when the models cannot be used.
    public static func notAvailable(reason: String, threshold: Double, frames: Int) -> LivenessResult {
        LivenessResult(status: .notAvailable, score: nil, threshold: threshold, frames: frames,
                       signals: Signals(reason: reason))
    }
}
