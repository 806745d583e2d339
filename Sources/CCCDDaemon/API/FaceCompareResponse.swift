import CCCDFace

/// `POST /v1/face/compare`'s answer. `liveness` is the advisory presentation-attack signal of the live
/// frames; it never changes `match`.
public struct FaceCompareResponse: Codable, Sendable, Equatable {
    public var match: Bool
    public var similarity: Double
    public var threshold: Double
    public var distance: Double
    /// The configured decision level (`face.level`).
    public var level: String?
    /// Index (from 0) of the live frame compared.
    public var frameUsed: Int?
    public var liveness: LivenessResult?
}
