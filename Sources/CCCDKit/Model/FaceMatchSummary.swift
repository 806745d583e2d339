/// The `face` block: the result of matching the chip photo against a live image (another module).
public struct FaceMatchSummary: Sendable, Hashable, Codable {
    public var match: Bool
    /// 0.0–1.0.
    public var similarity: Double
    public var threshold: Double

    public init(match: Bool, similarity: Double, threshold: Double) {
        self.match = match
        self.similarity = similarity
        self.threshold = threshold
    }
}
