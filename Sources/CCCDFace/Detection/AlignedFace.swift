/// A face cut out of its photo, rotated and scaled so that the eyes and nose sit where the descriptor
/// network expects them: 150×150 RGB pixels.
public struct AlignedFace: Sendable {
    /// Side of the chip in pixels.
    public static let size = 150
    /// Interleaved RGB, `size * size * 3` bytes.
    public let pixels: [UInt8]
    /// The 5 landmarks (eye corners and nose base) in the source image's coordinates.
    public let landmarks: [(x: Double, y: Double)]
    /// The detection it was cut from.
    public let face: FaceDetection
}
