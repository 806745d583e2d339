/// How faces are found and which one is used.
public struct FaceDetectionOptions: Sendable, Equatable {
    /// What to do when a photo shows more than one face of usable size.
    public enum MultipleFacePolicy: Sendable, Equatable {
        /// Use the dominant face (area at least `dominantAreaRatio` times the next one's), otherwise
        /// throw `FaceError.multipleFaces` (the safe choice at a counter: someone may stand behind).
        case reject
        /// Use the largest face.
        case largest
    }

    /// How much larger (in area) than every other face the customer's face must be to be used alone.
    public static let dominantAreaRatio = 2.0

    public var multipleFaces: MultipleFacePolicy
    /// Faces narrower than this (in image pixels) are too small for a reliable descriptor.
    public var minimumFaceWidth: Int
    /// Images larger than this (longest side) are scaled down for the first detection pass, which is
    /// what keeps detection fast (its cost grows with the pixel count). A face must be about 80 pixels
    /// wide at that scale for the HOG detector to find it: 215 pixels in a 1280×720 frame; smaller
    /// faces are found by the next passes.
    public var detectionMaxSide: Int
    /// When the first pass finds nothing, the image is scanned again at twice the scale and then at
    /// this size (small images are scaled up, at most 2×), which finds faces down to about 40 pixels.
    public var retryMaxSide: Int
    /// Run the MMOD CNN detector (if its model is installed) when the HOG detector finds no face, on
    /// an image scaled down to at most `cnnMaxSide`. Slower (about a second) but finds turned faces.
    public var useCNNFallback: Bool
    public var cnnMaxSide: Int

    public init(multipleFaces: MultipleFacePolicy = .reject, minimumFaceWidth: Int = 60,
                detectionMaxSide: Int = 480, retryMaxSide: Int = 1600,
                useCNNFallback: Bool = true, cnnMaxSide: Int = 800) {
        self.multipleFaces = multipleFaces
        self.minimumFaceWidth = minimumFaceWidth
        self.detectionMaxSide = detectionMaxSide
        self.retryMaxSide = retryMaxSide
        self.useCNNFallback = useCNNFallback
        self.cnnMaxSide = cnnMaxSide
    }
}
