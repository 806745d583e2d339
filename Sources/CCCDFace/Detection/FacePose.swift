import Foundation

/// How far a face is from frontal, from its 5 landmarks (dlib's 5-point model: two corners of each eye
/// and the base of the nose). Two proxies, no 3-D model:
/// - roll: the angle of the line through the two eye centres against the horizontal, in degrees;
/// - yaw: how far the nose base sits from the eyes' midpoint along that line, as a fraction of the
///   distance between the eye centres (0 for a frontal face; a head turned ~30° gives about 0.2–0.3).
/// A pitched head (looking up or down) is not measured.
public struct FacePose: Sendable, Equatable, Codable {
    public var rollDegrees: Double
    public var yawRatio: Double

    public init(rollDegrees: Double, yawRatio: Double) {
        self.rollDegrees = rollDegrees
        self.yawRatio = yawRatio
    }

    /// The pose of 5 landmarks in dlib's order (eye corners 0–1 and 2–3, nose base 4); nil for another
    /// number of points or coinciding eyes.
    public init?(landmarks: [(x: Double, y: Double)]) {
        guard landmarks.count == 5 else { return nil }
        let a = (x: (landmarks[0].x + landmarks[1].x) / 2, y: (landmarks[0].y + landmarks[1].y) / 2)
        let b = (x: (landmarks[2].x + landmarks[3].x) / 2, y: (landmarks[2].y + landmarks[3].y) / 2)
        // The eye on the image's left first, whichever the model calls right or left.
        let (left, right) = a.x <= b.x ? (a, b) : (b, a)
        let (dx, dy) = (right.x - left.x, right.y - left.y)
        let distance = (dx * dx + dy * dy).squareRoot()
        guard distance > 0, distance.isFinite else { return nil }
        let middle = (x: (left.x + right.x) / 2, y: (left.y + right.y) / 2)
        let nose = landmarks[4]
        rollDegrees = atan2(dy, dx) * 180 / .pi
        yawRatio = ((nose.x - middle.x) * dx + (nose.y - middle.y) * dy) / (distance * distance)
    }
}
