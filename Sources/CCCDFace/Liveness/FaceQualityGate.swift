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

    public init(minimumFaceWidth: Double = 60, minimumSharpness: Double = 20, sharpnessSide: Int = 112,
                minimumColourDifference: Double = 2) {
        self.minimumFaceWidth = minimumFaceWidth
        self.minimumSharpness = minimumSharpness
        self.sharpnessSide = sharpnessSide
        self.minimumColourDifference = minimumColourDifference
    }

    /// Why the frame fails, or nil when it passes.
    func failure(faceWidth: Double, sharpness: Double, colourDifference: Double) -> String? {
        if faceWidth < minimumFaceWidth {
            return "face \(Int(faceWidth.rounded())) px wide, at least \(Int(minimumFaceWidth)) needed"
        }
        if colourDifference < minimumColourDifference { return "grey-level photo, a colour camera frame is needed" }
        if sharpness < minimumSharpness {
            return "face too blurred (sharpness \(Int(sharpness.rounded())), at least \(Int(minimumSharpness)) needed)"
        }
        return nil
    }
}
