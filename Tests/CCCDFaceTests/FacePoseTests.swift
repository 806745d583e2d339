import CCCDFace
import CCCDTestSupport
import Foundation
import Testing

/// The "not frontal" rule of the quality gate: roll (eye-line angle) and a yaw proxy (nose offset from
/// the eyes' midpoint) from dlib's 5 landmarks.
struct FacePoseTests {
    let engine = TestData.engine

    /// 5 landmarks of a frontal face (eyes 60 px apart), turned by `degrees` about its centre, nose moved
    /// sideways by `noseShift` of the eye distance.
    static func landmarks(rollDegrees degrees: Double, noseShift: Double = 0) -> [(x: Double, y: Double)] {
        let frontal: [(x: Double, y: Double)] = [(-40, 0), (-20, 0), (20, 0), (40, 0), (noseShift * 60, 35)]
        let (c, s) = (cos(degrees * .pi / 180), sin(degrees * .pi / 180))
        return frontal.map { (x: 200 + $0.x * c - $0.y * s, y: 150 + $0.x * s + $0.y * c) }
    }

    @Test("Roll and yaw from landmarks", arguments: [0.0, 12, -30, 45])
    func poseFromLandmarks(roll: Double) throws {
        let straight = try #require(FacePose(landmarks: Self.landmarks(rollDegrees: roll)))
        #expect(abs(straight.rollDegrees - roll) < 1e-6)
        #expect(abs(straight.yawRatio) < 1e-6)
        let turned = try #require(FacePose(landmarks: Self.landmarks(rollDegrees: roll, noseShift: 0.3)))
        #expect(abs(turned.yawRatio - 0.3) < 1e-6, "\(turned)")
        #expect(FacePose(landmarks: Array(Self.landmarks(rollDegrees: 0).prefix(4))) == nil)
    }

    @Test("The gate names the reason", arguments: [(25.0, 0.0, "tilted"), (0, 0.4, "turned"), (-22, 0, "tilted")])
    func gateReason(roll: Double, yaw: Double, word: String) throws {
        let gate = FaceQualityGate()
        let pose = FacePose(rollDegrees: roll, yawRatio: yaw)
        let failure = try #require(gate.failureForTesting(pose: pose))
        #expect(failure.contains("not frontal") && failure.contains(word), "\(failure)")
        #expect(gate.failureForTesting(pose: FacePose(rollDegrees: 8, yawRatio: -0.1)) == nil)
    }

    @Test(
        "Upright camera and chip photos are frontal",
        arguments: [
            "live/obama3-1280x720.jpg", "originals/obama.jpg", "originals/obama2.jpg", "originals/obama3.jpg",
            "originals/biden.jpg", "originals/astronaut.png", "chip/obama-jp2-15k.jp2",
        ])
    func realPhotosAreFrontal(path: String) throws {
        let image = try TestData.image(path)
        let aligned = try engine.align(engine.selectFace(in: image), in: image)
        let pose = try #require(FacePose(landmarks: aligned.landmarks))
        #expect(abs(pose.rollDegrees) <= 15 && abs(pose.yawRatio) <= 0.15, "\(path): \(pose)")
        #expect(FaceQualityGate().failureForTesting(pose: pose) == nil)
    }

    @Test(
        "A face tilted by 30° is not frontal: insufficient-quality naming the reason",
        .enabled(if: SharedFolder.available("models"), "needs ../shared/models (not found)"))
    func rotatedCrop() throws {
        let pad = PresentationAttackDetector(configuration: .init(modelsDirectory: SharedFolder.url("models/minifasnet")))
        let upright = try TestData.image("originals/obama.jpg")
        #expect(engine.liveness(of: [upright], pad: pad).status == .live)
        let tilted = try Self.rotated(upright, degrees: 30)
        let face = try engine.selectFace(in: tilted)
        let pose = try #require(FacePose(landmarks: try engine.align(face, in: tilted).landmarks))
        #expect(abs(abs(pose.rollDegrees) - 30) < 8, "\(pose)")
        let result = engine.liveness(of: [tilted], pad: pad)
        #expect(result.status == .insufficientQuality, "\(result.signals)")
        #expect(result.signals.reason?.contains("not frontal") == true, "\(result.signals)")
        #expect(result.signals.pose?.first??.rollDegrees != nil)
    }

    /// `image` turned by `degrees` about its centre (nearest neighbour, grey outside), on a canvas large
    /// enough to hold it.
    static func rotated(_ image: FaceImage, degrees: Double) throws -> FaceImage {
        let (c, s) = (cos(degrees * .pi / 180), sin(degrees * .pi / 180))
        let (w, h) = (Double(image.width), Double(image.height))
        let side = Int((w * w + h * h).squareRoot().rounded(.up))
        var pixels = [UInt8](repeating: 128, count: side * side * 3)
        let half = Double(side) / 2
        for y in 0..<side {
            for x in 0..<side {
                let (dx, dy) = (Double(x) - half, Double(y) - half)
                let sx = Int((dx * c + dy * s + w / 2).rounded(.down))
                let sy = Int((-dx * s + dy * c + h / 2).rounded(.down))
                guard sx >= 0, sy >= 0, sx < image.width, sy < image.height else { continue }
                let (to, from) = ((y * side + x) * 3, (sy * image.width + sx) * 3)
                pixels[to] = image.pixels[from]
                pixels[to + 1] = image.pixels[from + 1]
                pixels[to + 2] = image.pixels[from + 2]
            }
        }
        return try FaceImage(width: side, height: side, rgb: pixels)
    }
}

extension FaceQualityGate {
    /// The gate's verdict on a pose alone (a face of good size, sharpness and colour).
    func failureForTesting(pose: FacePose) -> String? {
        failure(faceWidth: 200, sharpness: 500, colourDifference: 20, pose: pose)
    }
}
