import Foundation

/// A decoded photo: 8-bit RGB pixels, rows top to bottom, 3 bytes per pixel, no padding.
///
/// Create one from encoded bytes (the JPEG or JPEG 2000 image of a DG2 data group, or a camera photo
/// in JPEG or PNG) or from a file. Camera JPEGs are turned upright according to their EXIF orientation.
/// The header's dimensions are checked against `ImageLimits` before decoding.
public struct FaceImage: Sendable {
    public let width: Int
    public let height: Int
    /// Interleaved RGB bytes, `width * height * 3` of them.
    public let pixels: [UInt8]
    /// The format the image was decoded from (nil for images built from raw pixels).
    public let sourceFormat: ImageFormat?

    /// Wraps raw RGB pixels (`width * height * 3` bytes).
    public init(width: Int, height: Int, rgb pixels: [UInt8]) throws(FaceError) {
        guard width > 0, height > 0, pixels.count == width * height * 3 else {
            throw .internalError("RGB buffer does not match \(width)×\(height)")
        }
        self.width = width
        self.height = height
        self.pixels = pixels
        self.sourceFormat = nil
    }

    /// Decodes JPEG, JPEG 2000 (JP2 or J2K codestream), PNG or WebP bytes.
    public init(encoded bytes: some DataProtocol, limits: ImageLimits = ImageLimits()) throws(FaceError) {
        let data = Array(bytes)
        guard let format = ImageFormat(sniffing: data) else { throw .unsupportedImageFormat }
        let decoded: DecodedImage
        switch format {
        case .jpeg: decoded = try JPEGDecoder.decode(data, limits: limits)
        case .jp2, .j2k: decoded = try JPEG2000Decoder.decode(data, format: format, limits: limits)
        case .png: decoded = try PNGDecoder.decode(data, limits: limits)
        case .webp: decoded = try WebPDecoder.decode(data, limits: limits)
        }
        width = decoded.width
        height = decoded.height
        pixels = decoded.pixels
        sourceFormat = format
    }

    /// Reads and decodes an image file.
    public init(contentsOf url: URL, limits: ImageLimits = ImageLimits()) throws(FaceError) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .fileNotReadable(path: url.path)
        }
        try self.init(encoded: data, limits: limits)
    }
}

/// What a decoder hands back.
struct DecodedImage {
    var width: Int
    var height: Int
    var pixels: [UInt8]
}
