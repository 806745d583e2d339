/// A face found in an image, in that image's pixel coordinates.
public struct FaceDetection: Sendable, Equatable {
    /// Which detector found the face.
    public enum Detector: String, Sendable {
        case hog
        case cnn
    }

    public var left: Double
    public var top: Double
    public var right: Double
    public var bottom: Double
    /// The detector's score (HOG: SVM margin, CNN: MMOD score); higher is surer.
    public var confidence: Double
    public var detector: Detector

    public init(left: Double, top: Double, right: Double, bottom: Double, confidence: Double, detector: Detector) {
        self.left = left
        self.top = top
        self.right = right
        self.bottom = bottom
        self.confidence = confidence
        self.detector = detector
    }

    public var width: Double { right - left }
    public var height: Double { bottom - top }
}
