/// The face-match risk level a deployment picks: each level is a similarity threshold calibrated on the
/// labelled public photos in ../shared/faces (docs/face-calibration.md gives each level's measured
/// false-match and false-non-match rates).
public enum FaceDecisionLevel: String, Sendable, Codable, CaseIterable {
    /// Distance 0.6 (dlib's LFW boundary, similarity 0.5): today's default.
    case standard
    /// Distance 0.55 (similarity ≈ 0.731): chosen for a false-match rate ≤ 0.1 %; more genuine holders
    /// are asked for another photo.
    case strict

    /// The descriptor distance at or below which two faces match.
    public var distanceThreshold: Double {
        switch self {
        case .standard: 0.6
        case .strict: 0.55
        }
    }

    /// The similarity threshold (`FaceEngine.Configuration.threshold`) of the level.
    public var threshold: Double { FaceSimilarity.similarity(forDistance: distanceThreshold) }
}
