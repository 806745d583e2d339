import CCCDFace
import CWebP
import Foundation
import Testing

/// WebP live photos (libwebp): fixtures are encoded here from the face-test photos with libwebp's
/// encoder (nothing third-party is committed); the header is checked before decoding.
struct WebPTests {
    let engine = TestData.engine

    /// `image` as WebP: lossy at `quality`, or lossless.
    static func webp(_ image: FaceImage, quality: Float? = 90) -> [UInt8] {
        var output: UnsafeMutablePointer<UInt8>?
        let size = image.pixels.withUnsafeBufferPointer { pixels in
            if let quality {
                WebPEncodeRGB(
                    pixels.baseAddress, Int32(image.width), Int32(image.height), Int32(image.width * 3), quality, &output)
            } else {
                WebPEncodeLosslessRGB(
                    pixels.baseAddress, Int32(image.width), Int32(image.height), Int32(image.width * 3), &output)
            }
        }
        defer { WebPFree(output) }
        guard let output, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: output, count: size))
    }

    @Test("A WebP live photo decodes and matches the chip photo", arguments: [Float(90), nil])
    func liveWebP(quality: Float?) throws {
        let source = try TestData.image("live/obama3-1280x720.jpg")
        let bytes = Self.webp(source, quality: quality)
        #expect(ImageFormat(sniffing: bytes) == .webp)
        let decoded = try FaceImage(encoded: bytes)
        #expect(decoded.sourceFormat == .webp && decoded.width == source.width && decoded.height == source.height)
        if quality == nil { #expect(decoded.pixels == source.pixels, "lossless is exact") }
        let result = try engine.compare(chip: TestData.image("chip/obama-jp2-8k.jp2"), live: decoded)
        #expect(result.match, "\(result)")
    }

    @Test("The header is checked before decoding: too large, truncated, animated-looking junk")
    func headerChecks() throws {
        let small = try TestData.image("originals/obama.jpg")
        var bytes = Self.webp(small, quality: 80)
        // Simple lossy file: "RIFF" size "WEBP" "VP8 " size, frame tag (3 bytes), 9D 01 2A, then the 14-bit
        // width and height. Announce 16383 × 16383 (268 Mpx): refused from the header.
        try #require(Array(bytes[12..<16]) == Array("VP8 ".utf8) && Array(bytes[23..<26]) == [0x9D, 0x01, 0x2A])
        var huge = bytes
        huge[26] = 0xFF
        huge[27] = 0x3F
        huge[28] = 0xFF
        huge[29] = 0x3F
        let tooLarge = #expect(throws: FaceError.self) { try FaceImage(encoded: huge) }
        #expect(tooLarge == .imageTooLarge(width: 16383, height: 16383, maximumPixels: ImageLimits().maximumPixels))
        // A custom limit below the photo's size is applied from the header too.
        #expect(throws: FaceError.imageTooLarge(width: small.width, height: small.height, maximumPixels: 1000)) {
            try FaceImage(encoded: bytes, limits: ImageLimits(maximumPixels: 1000))
        }
        bytes.removeLast(bytes.count / 2)
        let truncated = #expect(throws: FaceError.self) { try FaceImage(encoded: bytes) }
        if case .corruptImage(format: .webp, _)? = truncated {
        } else {
            Issue.record("truncated WebP: \(String(describing: truncated))")
        }
        let junk = Array("RIFF".utf8) + [0x10, 0, 0, 0] + Array("WEBP".utf8) + [UInt8](repeating: 0x41, count: 16)
        #expect(throws: FaceError.self) { try FaceImage(encoded: junk) }
    }
}
