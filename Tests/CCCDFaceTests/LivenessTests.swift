import CCCDFace
import CCCDTestSupport
import Foundation
import Testing

/// The presentation-attack signal with the shipped detector and threshold, on the samples in
/// ../shared/models (two attacks, one live person, all stored sideways with an EXIF orientation tag).
@Suite("Presentation-attack detection (liveness)",
       .enabled(if: SharedFolder.available("models"), "needs ../shared/models (not found)"))
struct LivenessTests {
    static let pad = PresentationAttackDetector(configuration: .init(modelsDirectory: SharedFolder.url("models/minifasnet")))
    let engine = TestData.engine

    static func sample(_ name: String) throws -> FaceImage {
        try FaceImage(contentsOf: SharedFolder.url("models/pad-samples/\(name)"))
    }

    @Test("The printed photo and the tablet replay are attack-suspected, the live person live",
          arguments: [("image_F1.jpg", LivenessResult.Status.attackSuspected), ("image_F2.jpg", .attackSuspected),
                      ("image_T1.jpg", .live)])
    func samples(name: String, expected: LivenessResult.Status) throws {
        let result = engine.liveness(of: [try Self.sample(name)], pad: Self.pad)
        #expect(result.status == expected, "\(name): score \(result.score ?? -1)")
        #expect(result.threshold == PresentationAttackDetector.defaultThreshold)
        #expect(result.frames == 1 && result.signals.framesScored == 1)
        #expect(result.signals.modelScores?.count == 2)
    }

    @Test("An EXIF-rotated photo scores like its upright copy", arguments: ["image_F2.jpg", "image_T1.jpg"])
    func exifRotation(name: String) throws {
        let rotated = try Self.sample(name)
        #expect(rotated.height > rotated.width, "the decoder turned the sideways photo upright")
        let upright = try FaceImage(encoded: JPEGEncoder.encode(rotated, quality: 95))
        let (a, b) = (engine.liveness(of: [rotated], pad: Self.pad), engine.liveness(of: [upright], pad: Self.pad))
        #expect(a.status == b.status)
        #expect(abs((a.score ?? -1) - (b.score ?? 1)) < 0.05, "\(a.score ?? -1) vs \(b.score ?? -1)")
    }

    @Test("The face-test camera photos are live",
          arguments: ["live/obama3-1280x720.jpg", "originals/obama.jpg", "originals/obama2.jpg", "originals/obama3.jpg",
                      "originals/biden.jpg", "originals/astronaut.png"])
    func faceTestPhotosAreLive(path: String) throws {
        let result = engine.liveness(of: [try TestData.image(path)], pad: Self.pad)
        #expect(result.status == .live, "\(path): score \(result.score ?? -1)")
    }

    @Test("A face-free image is never live")
    func noFace() throws {
        let result = engine.liveness(of: [try TestData.image("originals/fruits.jpg")], pad: Self.pad)
        #expect(result.status == .insufficientQuality)
        #expect(result.score == nil)
        #expect(result.signals.reason?.contains("no face") == true)
    }

    @Test("A grey-level face crop is insufficient quality, not a verdict",
          .enabled(if: SharedFolder.available("faces"), "needs ../shared/faces (not found)"))
    func greyLevel() throws {
        let grey = try FaceImage(contentsOf: SharedFolder.url("faces/face-api.js/sheldon1.png"))
        #expect(engine.liveness(of: [grey], pad: Self.pad).status == .insufficientQuality)
    }

    @Test("A blurred frame fails the quality gate")
    func blurred() throws {
        let sharp = try Self.sample("image_T1.jpg")
        // A strong box blur (radius 10, three passes each way): the face stays detectable, its texture
        // (what the models and the gate look at) is gone.
        let (w, h) = (sharp.width, sharp.height)
        var pixels = sharp.pixels
        for _ in 0..<3 {
            Self.boxBlur(&pixels, count: h, length: w, step: 3, lineStep: w * 3, radius: 10)  // rows
            Self.boxBlur(&pixels, count: w, length: h, step: w * 3, lineStep: 3, radius: 10)  // columns
        }
        let blurred = try FaceImage(width: w, height: h, rgb: pixels)
        let result = engine.liveness(of: [blurred], pad: Self.pad)
        #expect(result.status == .insufficientQuality, "\(result.signals)")
        #expect(result.signals.reason?.contains("blurred") == true, "\(result.signals)")
    }

    /// Running-sum box blur of `count` lines of `length` RGB pixels, in place.
    static func boxBlur(_ p: inout [UInt8], count: Int, length: Int, step: Int, lineStep: Int, radius: Int) {
        var line = [Int](repeating: 0, count: length)
        for l in 0..<count {
            for c in 0..<3 {
                for i in 0..<length { line[i] = Int(p[l * lineStep + i * step + c]) }
                var sum = 0
                for i in 0...min(radius, length - 1) { sum += line[i] }
                for i in 0..<length {
                    let lo = max(0, i - radius), hi = min(length - 1, i + radius)
                    p[l * lineStep + i * step + c] = UInt8(sum / (hi - lo + 1))
                    if i + radius + 1 < length { sum += line[i + radius + 1] }
                    if i - radius >= 0 { sum -= line[i - radius] }
                }
            }
        }
    }

    @Test("Several frames: the median of the frames that pass the gate; the sharpest frame is compared")
    func multiFrame() throws {
        let live = try Self.sample("image_T1.jpg")
        let frames = [live, try TestData.image("originals/fruits.jpg"), try Self.sample("image_F1.jpg"), live]
        let chip = try TestData.image("originals/obama.jpg")
        let capture = try engine.compare(chip: chip, liveFrames: frames, pad: Self.pad)
        #expect(capture.liveness.frames == 4)
        #expect(capture.liveness.signals.framesScored == 3)
        #expect(capture.liveness.status == .live)  // median of (attack, live, live)
        #expect([0, 2, 3].contains(capture.frameUsed))
        #expect(throws: FaceError.self) { try engine.compare(chip: chip, liveFrames: Array(repeating: live, count: 6), pad: Self.pad) }
    }

    @Test("Missing models give not-available with the reason, and the comparison still works")
    func missingModels() throws {
        let pad = PresentationAttackDetector(configuration: .init(modelsDirectory: URL(fileURLWithPath: "/nonexistent/models")))
        let capture = try engine.compare(chip: TestData.image("chip/obama-jpeg-8k.jpg"),
                                         liveFrames: [TestData.image("live/obama3-1280x720.jpg")], pad: pad)
        #expect(capture.comparison.match)
        #expect(capture.liveness.status == .notAvailable)
        #expect(capture.liveness.score == nil)
        #expect(capture.liveness.signals.reason?.contains("MiniFASNetV2.onnx") == true)
    }
}
