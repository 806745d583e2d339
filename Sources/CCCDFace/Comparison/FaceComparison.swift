/// The outcome of comparing two faces.
public struct FaceComparison: Sendable, Equatable, Codable {
    /// Euclidean distance between the descriptors.
    public let distance: Double
    /// `FaceSimilarity.similarity(forDistance:)`, in [0, 1].
    public let similarity: Double
    /// The similarity threshold applied.
    public let threshold: Double
    /// `similarity >= threshold`.
    public let match: Bool

    public init(distance: Double, threshold: Double) {
        self.distance = distance
        self.similarity = FaceSimilarity.similarity(forDistance: distance)
        self.threshold = threshold
        self.match = similarity >= threshold
    }
}
