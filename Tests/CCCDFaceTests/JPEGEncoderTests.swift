import CCCDFace
import Testing

@Suite struct JPEGEncoderTests {
    /// JPEG 2000 chip photo → JPEG (what the daemon's photo endpoint serves): decodes again to the
    /// same size, as a JPEG, with pixels close to the original.
    @Test func jpeg2000PhotoBecomesAJPEGOfTheSameImage() throws {
        let original = try TestData.image("chip/obama-jp2-15k.jp2")
        let jpeg = try JPEGEncoder.encode(original, quality: 92)
        #expect(Array(jpeg.prefix(3)) == [0xFF, 0xD8, 0xFF])
        let decoded = try FaceImage(encoded: jpeg)
        #expect(decoded.sourceFormat == .jpeg)
        #expect(decoded.width == original.width && decoded.height == original.height)
        let difference = zip(decoded.pixels, original.pixels).reduce(0) { $0 + abs(Int($1.0) - Int($1.1)) }
        #expect(Double(difference) / Double(original.pixels.count) < 4, "mean absolute difference per channel")
    }

    @Test func dg2ImageIsFoundInsideTheFileAndBareImagesPassThrough() throws {
        let jpeg = try TestData.bytes("chip/obama-jpeg-8k.jpg")
        #expect(extractFaceImage(fromDG2OrImage: jpeg) == jpeg)
        // A minimal DG2-like wrapper: 5F2E with a long-form length, ISO header bytes, then the image.
        let block = [UInt8](repeating: 0x00, count: 46) + jpeg
        let length = block.count
        let wrapped: [UInt8] = [0x75, 0x82, 0x00, 0x00, 0x5F, 0x2E, 0x82, UInt8(length >> 8), UInt8(length & 0xFF)] + block
        #expect(extractFaceImage(fromDG2OrImage: wrapped) == jpeg)
        #expect(extractFaceImage(fromDG2OrImage: [0x01, 0x02, 0x03]) == nil)
    }
}
