/// DG5 (displayed portrait) or DG7 (displayed signature or usual mark): `02 count` and images.
public struct DisplayedImages: Sendable, Hashable, Codable {
    /// The number of images the template declares.
    public var declaredCount: Int
    /// The encoded images (`5F40` in DG5, `5F43` in DG7), in order.
    public var images: [[UInt8]]

    /// The format of each image, from its magic bytes.
    public var formats: [ImageFormat] { images.map { ImageFormat.detect($0) } }

    public init(declaredCount: Int, images: [[UInt8]]) {
        self.declaredCount = declaredCount
        self.images = images
    }
}

extension DisplayedImages: CustomStringConvertible, CustomDebugStringConvertible {
    /// Redacted: sizes and counts only, never personal data.
    public var description: String { "DisplayedImages(\(images.count) image(s))" }
    /// Same as `description` (redacted).
    public var debugDescription: String { description }
}
