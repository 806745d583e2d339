import CPNG

/// PNG → RGB with libpng's simplified API (alpha is composited onto black, 16-bit reduced to 8).
enum PNGDecoder {
    static func decode(_ data: [UInt8], limits: ImageLimits) throws(FaceError) -> DecodedImage {
        var image = png_image()
        image.version = png_uint_32(PNG_IMAGE_VERSION)
        defer { png_image_free(&image) }
        let begun = data.withUnsafeBufferPointer {
            png_image_begin_read_from_memory(&image, $0.baseAddress, $0.count)
        }
        guard begun != 0 else { throw .corruptImage(format: .png, reason: message(image)) }
        try limits.check(width: Int(image.width), height: Int(image.height))
        image.format = png_uint_32(PNG_FORMAT_RGB)
        var pixels = [UInt8](repeating: 0, count: Int(image.width) * Int(image.height) * 3)
        let finished = pixels.withUnsafeMutableBytes {
            png_image_finish_read(&image, nil, $0.baseAddress, 0, nil)
        }
        guard finished != 0 else { throw .corruptImage(format: .png, reason: message(image)) }
        return DecodedImage(width: Int(image.width), height: Int(image.height), pixels: pixels)
    }

    private static func message(_ image: png_image) -> String {
        withUnsafeBytes(of: image.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}
