/// `POST /v1/face/compare`'s answer.
public struct FaceCompareResponse: Codable, Sendable, Equatable {
    public var match: Bool
    public var similarity: Double
    public var threshold: Double
    public var distance: Double
}
