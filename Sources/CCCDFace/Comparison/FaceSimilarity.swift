import Foundation

/// The mapping from descriptor distance to the similarity score reported to users.
///
/// `similarity = 1 / (1 + exp((distance − 0.6) / 0.05))`
///
/// A logistic curve centred on 0.6, the distance dlib publishes as its same/different boundary on
/// LFW: distance 0.6 gives 0.5, 0.45 gives 0.95, 0.75 gives 0.05. It is fixed (it does not move with
/// the deployment's threshold), strictly decreasing, and lies in [0, 1]; a similarity threshold `t`
/// is the distance threshold `distance(forSimilarity: t)`.
public enum FaceSimilarity {
    public static let pivot = 0.6
    public static let scale = 0.05

    public static func similarity(forDistance distance: Double) -> Double {
        1 / (1 + exp((distance - pivot) / scale))
    }

    public static func distance(forSimilarity similarity: Double) -> Double {
        let s = min(max(similarity, 1e-12), 1 - 1e-12)
        return pivot + scale * log(1 / s - 1)
    }
}
