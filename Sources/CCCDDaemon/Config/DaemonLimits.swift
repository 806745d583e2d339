import Foundation

/// Resource limits (the `limits` object of the configuration): how long a client may take to send
/// a request, how many connections, event streams and face comparisons run at once. They bound
/// what a local process without a token can hold (sockets, file descriptors, CPU).
public struct DaemonLimits: Sendable, Equatable, Codable {
    /// A request's head and body must arrive within this many seconds of its first byte, however
    /// steadily they trickle (the idle timeout alone is reset by every byte). 408 and close after.
    public var requestDeadlineSeconds: Int
    /// Open connections at most; further ones wait in the listen backlog until one closes.
    public var maxConnections: Int
    /// Open `GET /v1/events` streams at most; more are answered 503 `too_many_streams`.
    public var maxEventStreams: Int
    /// Face comparisons running at once (CPU bound); more wait their turn, up to
    /// ``faceQueueSeconds``, then get 503 `face_busy`.
    public var maxFaceComparisons: Int
    public var faceQueueSeconds: Int

    public init(requestDeadlineSeconds: Int = 10, maxConnections: Int = 256, maxEventStreams: Int = 16,
                maxFaceComparisons: Int = 2, faceQueueSeconds: Int = 30)
    {
        self.requestDeadlineSeconds = requestDeadlineSeconds
        self.maxConnections = maxConnections
        self.maxEventStreams = maxEventStreams
        self.maxFaceComparisons = maxFaceComparisons
        self.faceQueueSeconds = faceQueueSeconds
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case requestDeadlineSeconds, maxConnections, maxEventStreams, maxFaceComparisons, faceQueueSeconds
    }

    static let knownKeys = Set(CodingKeys.allCases.map(\.rawValue))

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = DaemonLimits()
        requestDeadlineSeconds = try c.decodeIfPresent(Int.self, forKey: .requestDeadlineSeconds) ?? d.requestDeadlineSeconds
        maxConnections = try c.decodeIfPresent(Int.self, forKey: .maxConnections) ?? d.maxConnections
        maxEventStreams = try c.decodeIfPresent(Int.self, forKey: .maxEventStreams) ?? d.maxEventStreams
        maxFaceComparisons = try c.decodeIfPresent(Int.self, forKey: .maxFaceComparisons) ?? d.maxFaceComparisons
        faceQueueSeconds = try c.decodeIfPresent(Int.self, forKey: .faceQueueSeconds) ?? d.faceQueueSeconds
    }

    func validate() throws(ConfigurationError) {
        let ranges: [(String, Int, ClosedRange<Int>)] = [
            ("requestDeadlineSeconds", requestDeadlineSeconds, 1...600), ("maxConnections", maxConnections, 4...65536),
            ("maxEventStreams", maxEventStreams, 1...4096), ("maxFaceComparisons", maxFaceComparisons, 1...64),
            ("faceQueueSeconds", faceQueueSeconds, 0...600),
        ]
        for (key, value, range) in ranges where !range.contains(value) {
            throw .invalidValue(key: "limits.\(key)", reason: "must be between \(range.lowerBound) and \(range.upperBound)")
        }
    }
}
