/// Size limits checked against the image header before any pixel is decoded, so that a small file
/// announcing a huge image (a decompression bomb) is rejected without allocating for it.
public struct ImageLimits: Sendable, Equatable {
    /// Largest accepted width × height.
    public var maximumPixels: Int
    /// Largest accepted width or height.
    public var maximumSide: Int
    /// Smallest accepted width and height.
    public var minimumSide: Int

    /// Defaults: up to 40 megapixels and 16384 pixels per side (any phone or webcam photo), at least
    /// 64 pixels per side.
    public init(maximumPixels: Int = 40_000_000, maximumSide: Int = 16_384, minimumSide: Int = 64) {
        self.maximumPixels = maximumPixels
        self.maximumSide = maximumSide
        self.minimumSide = minimumSide
    }

    func check(width: Int, height: Int) throws(FaceError) {
        if width > maximumSide || height > maximumSide || width.multipliedReportingOverflow(by: height)
            .partialValue > maximumPixels || width.multipliedReportingOverflow(by: height).overflow {
            throw .imageTooLarge(width: width, height: height, maximumPixels: maximumPixels)
        }
        if width < minimumSide || height < minimumSide {
            throw .imageTooSmall(width: width, height: height, minimumSide: minimumSide)
        }
    }
}
