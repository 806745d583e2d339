import CCCDFace
import Foundation
import Testing

@Suite("Typed quality errors")
struct QualityErrorTests {
    let engine = TestData.engine

    @Test func noFace() throws {
        let image = try TestData.image("originals/fruits.jpg")
        #expect(throws: FaceError.noFace) { try engine.template(for: image) }
    }

    @Test func twoSimilarFacesAreRejectedByDefault() throws {
        // The same photo twice side by side: two faces of the same size, neither dominant.
        let single = try TestData.image("live/obama3-1280x720.jpg")
        var pixels = [UInt8]()
        pixels.reserveCapacity(single.pixels.count * 2)
        for y in 0..<single.height {
            let row = single.pixels[(y * single.width * 3)..<((y + 1) * single.width * 3)]
            pixels += row
            pixels += row
        }
        let image = try FaceImage(width: single.width * 2, height: single.height, rgb: pixels)
        #expect(throws: FaceError.multipleFaces(count: 2)) { try engine.template(for: image) }
    }

    @Test("A dominant face (area ≥ 2× the next) is used by default")
    func dominantFaceIsUsed() throws {
        let image = try TestData.image("live/two-faces.jpg")
        let faces = try engine.detectFaces(in: image)
        #expect(faces.count == 2)
        #expect(faces[0].width * faces[0].height >= 2 * faces[1].width * faces[1].height)
        #expect(try engine.selectFace(in: image) == faces[0])
    }

    @Test func largestFacePolicyPicksOne() throws {
        var configuration = FaceEngine.Configuration()
        configuration.detection.multipleFaces = .largest
        let engine = FaceEngine(configuration: configuration)
        let face = try engine.selectFace(in: TestData.image("live/two-faces.jpg"))
        #expect(face.width >= 60)
    }

    @Test func tinyFace() throws {
        let image = try TestData.image("live/tiny-face.jpg")
        #expect {
            try engine.template(for: image)
        } throws: { error in
            guard case let FaceError.faceTooSmall(width, minimum) = error else { return false }
            return width < minimum
        }
    }

    @Test func corruptJPEG() throws {
        var bytes = try TestData.bytes("chip/obama-jpeg-8k.jpg")
        // Keep the headers, replace the entropy-coded data with a run of markers.
        for i in (bytes.count / 2)..<(bytes.count - 2) { bytes[i] = i.isMultiple(of: 2) ? 0xFF : 0xD0 }
        #expect {
            try FaceImage(encoded: bytes)
        } throws: { error in
            guard case FaceError.corruptImage(.jpeg, _) = error else { return false }
            return true
        }
    }

    @Test("Truncated JP2 and J2K are errors, not half pictures")
    func truncatedJPEG2000() throws {
        let bytes = try TestData.bytes("chip/obama-jp2-4k.jp2")
        for keep in [bytes.count / 2, bytes.count - 200, 100] {
            #expect {
                try FaceImage(encoded: bytes.prefix(keep))
            } throws: { error in
                guard case FaceError.corruptImage(.jp2, _) = error else { return false }
                return true
            }
        }
    }

    @Test("A header announcing a huge image is refused before decoding")
    func decompressionBomb() throws {
        var bytes = try TestData.bytes("chip/obama-jpeg-4k.jpg")
        try setJPEGSize(&bytes, width: 60_000, height: 60_000)
        #expect(throws: FaceError.imageTooLarge(width: 60_000, height: 60_000, maximumPixels: 40_000_000)) {
            try FaceImage(encoded: bytes)
        }
        // The same file is fine with a larger cap, which shows the check reads the header only.
        var small = try TestData.bytes("chip/obama-jpeg-4k.jpg")
        try setJPEGSize(&small, width: 32, height: 32)
        #expect(throws: FaceError.imageTooSmall(width: 32, height: 32, minimumSide: 64)) {
            try FaceImage(encoded: small)
        }
    }

    @Test func unsupportedFormat() {
        #expect(throws: FaceError.unsupportedImageFormat) { try FaceImage(encoded: [UInt8](repeating: 7, count: 100)) }
    }

    @Test("Missing models name the directory")
    func missingModels() throws {
        let engine = FaceEngine(configuration: .init(modelsDirectory: URL(fileURLWithPath: "/nonexistent/models")))
        #expect {
            try engine.loadModels()
        } throws: { error in
            guard case let FaceError.modelsNotFound(directory, missing) = error else { return false }
            return directory == "/nonexistent/models" && missing.contains(FaceModelFiles.recognition)
                && (error as? FaceError)?.description.contains("/nonexistent/models") == true
        }
    }

    @Test("EXIF orientation turns camera photos upright")
    func exifOrientation() throws {
        let plain = try TestData.bytes("chip/obama-jpeg-8k.jpg")
        // APP1 "Exif" with a little-endian TIFF IFD0 holding only Orientation = 6 (rotate clockwise).
        let tiff: [UInt8] = [0x49, 0x49, 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00, 0x01, 0x00,
                             0x12, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, 0x06, 0x00, 0x00, 0x00,
                             0x00, 0x00, 0x00, 0x00]
        let body = Array("Exif\0\0".utf8) + tiff
        let app1: [UInt8] = [0xFF, 0xE1, UInt8((body.count + 2) >> 8), UInt8((body.count + 2) & 0xFF)] + body
        let rotated = Array(plain[0..<2]) + app1 + Array(plain[2...])
        let upright = try FaceImage(encoded: plain)
        let turned = try FaceImage(encoded: rotated)
        #expect(turned.width == upright.height && turned.height == upright.width)
        // The top-left pixel of the stored image ends up top-right.
        let source = Array(upright.pixels[0..<3])
        let target = (turned.width - 1) * 3
        #expect(Array(turned.pixels[target..<(target + 3)]) == source)
    }
}

/// Rewrites the dimensions in a JPEG's start-of-frame segment.
private func setJPEGSize(_ bytes: inout [UInt8], width: Int, height: Int) throws {
    var i = 2
    while i + 9 < bytes.count, bytes[i] == 0xFF {
        let marker = bytes[i + 1]
        let length = Int(bytes[i + 2]) << 8 | Int(bytes[i + 3])
        if (0xC0...0xC3).contains(marker) {
            bytes[i + 5] = UInt8(height >> 8); bytes[i + 6] = UInt8(height & 0xFF)
            bytes[i + 7] = UInt8(width >> 8); bytes[i + 8] = UInt8(width & 0xFF)
            return
        }
        i += 2 + length
    }
    Issue.record("no start-of-frame segment")
}

@Suite("The live photo's faces")
struct DominantFaceTests {
    static func face(_ side: Double, at x: Double) -> FaceDetection {
        FaceDetection(left: x, top: 0, right: x + side, bottom: side, confidence: 1, detector: .hog)
    }

    @Test("A face at least twice the next one's area is used; similar faces are multiple-faces")
    func dominantFace() throws {
        let options = FaceDetectionOptions()
        let dominant = try FaceEngine.select(from: [Self.face(150, at: 0), Self.face(100, at: 300)], options: options)
        #expect(dominant.width == 150)
        #expect(throws: FaceError.multipleFaces(count: 2)) {
            try FaceEngine.select(from: [Self.face(120, at: 0), Self.face(100, at: 300)], options: options)
        }
        // A face below the minimum width is not a second face.
        #expect(try FaceEngine.select(from: [Self.face(100, at: 0), Self.face(40, at: 300)], options: options).width == 100)
    }
}
