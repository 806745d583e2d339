import CWebP

/// WebP (lossy or lossless, still) → RGB with libwebp. The header (`WebPGetFeatures`) is read and its
/// dimensions checked against `ImageLimits` before any pixel is decoded; animations are refused (a live
/// photo is one frame); alpha is dropped.
enum WebPDecoder {
    static func decode(_ data: [UInt8], limits: ImageLimits) throws(FaceError) -> DecodedImage {
        var features = WebPBitstreamFeatures()
        let status = data.withUnsafeBufferPointer { WebPGetFeatures($0.baseAddress, $0.count, &features) }
        guard status == VP8_STATUS_OK else {
            throw .corruptImage(format: .webp, reason: "bad WebP header (status \(status.rawValue))")
        }
        guard features.has_animation == 0 else {
            throw .corruptImage(format: .webp, reason: "animated WebP; one still frame is needed")
        }
        let (width, height) = (Int(features.width), Int(features.height))
        try limits.check(width: width, height: height)
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        let decoded = pixels.withUnsafeMutableBufferPointer { output in
            data.withUnsafeBufferPointer { input in
                WebPDecodeRGBInto(input.baseAddress, input.count, output.baseAddress, output.count, Int32(width * 3))
            }
        }
        guard decoded != nil else { throw .corruptImage(format: .webp, reason: "truncated or corrupt WebP data") }
        return DecodedImage(width: width, height: height, pixels: pixels)
    }
}
