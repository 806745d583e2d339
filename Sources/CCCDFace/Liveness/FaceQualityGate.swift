import Foundation

/// The checks a live frame must pass before its PAD score counts: the models were trained on colour
/// camera frames of faces of a usable size, and a blurred frame hides the print or screen texture
/// they react to. A frame that fails gives `insufficient-quality`, never a PAD verdict.
public struct FaceQualityGate: Sendable, Equatable {
    /// Narrower faces (in image pixels) are too small.
    public var minimumFaceWidth: Double
    /// Minimum Laplacian variance of the face resized to `sharpnessSide`² grey pixels.
    public var minimumSharpness: Double
    public var sharpnessSide: Int
    /// Frames whose colour channels differ by less than this on average are treated as grey-level.
    public var minimumColourDifference: Double
    /// Largest tilt of the eye line (`FacePose.rollDegrees`, either way) of a frontal face.
    public var maximumRollDegrees: Double
    /// Largest nose offset from the eyes' midpoint (`FacePose.yawRatio`, either way) of a frontal face.
    public var maximumYawRatio: Double

    /// The pose limits (docs/face.md, "Not frontal"): the upright face-test photos measure up to roll 12.5°
    /// and yaw 0.13, the printed-photo PAD sample (held slightly turned) yaw 0.29 and must still get a
    /// verdict; a face tilted 30° is refused.
    public init(
        minimumFaceWidth: Double = 60, minimumSharpness: Double = 20, sharpnessSide: Int = 112,
        minimumColourDifference: Double = 2, maximumRollDegrees: Double = 20, maximumYawRatio: Double = 0.35
    ) {
        self.minimumFaceWidth = minimumFaceWidth
        self.minimumSharpness = minimumSharpness
        self.sharpnessSide = sharpnessSide
        self.minimumColourDifference = minimumColourDifference
        self.maximumRollDegrees = maximumRollDegrees
        self.maximumYawRatio = maximumYawRatio
    }

    /// Why the frame fails, or nil when it passes.
    public func failure(faceWidth: Double, sharpness: Double, colourDifference: Double, pose: FacePose? = nil) -> String? {
        if faceWidth < minimumFaceWidth {
            return "face \(Int(faceWidth.rounded())) px wide, at least \(Int(minimumFaceWidth)) needed"
        }
        if let pose, abs(pose.rollDegrees) > maximumRollDegrees {
            return "face not frontal: head tilted \(Int(abs(pose.rollDegrees).rounded()))°, at most \(Int(maximumRollDegrees))°"
        }
        if let pose, abs(pose.yawRatio) > maximumYawRatio {
            return String(
                format: "face not frontal: head turned (nose offset %.2f of the eye distance, at most %.2f)",
                abs(pose.yawRatio), maximumYawRatio)
        }
        if colourDifference < minimumColourDifference { return "grey-level photo, a colour camera frame is needed" }
        if sharpness < minimumSharpness {
            return "face too blurred (sharpness \(Int(sharpness.rounded())), at least \(Int(minimumSharpness)) needed)"
        }
        return nil
    }
}
