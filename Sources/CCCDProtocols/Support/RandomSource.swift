import CCCDCrypto
import CCCDPrimitives
import Foundation

/// Where protocol randomness comes from. The drivers draw every random value through it, in a
/// documented order, so tests and recorded sessions can be replayed deterministically.
public protocol RandomSource: Sendable {
    /// `count` random bytes.
    func randomBytes(_ count: Int) throws -> [UInt8]
}

/// The production source: OpenSSL `RAND_bytes`.
public struct SystemRandomSource: RandomSource {
    public init() {}

    public func randomBytes(_ count: Int) throws -> [UInt8] {
        try SecureRandom.bytes(count)
    }
}

/// A source that hands out pre-recorded byte strings in order (tests, transcript replay). Each
/// request must ask for exactly the length of the next queued value.
package final class QueuedRandomSource: RandomSource, @unchecked Sendable {
    private let queue: LockedBox<[[UInt8]]>

    package enum QueueError: Error, Equatable, Sendable {
        case exhausted(requested: Int)
        case lengthMismatch(requested: Int, queued: Int)
    }

    package init(_ values: [[UInt8]]) {
        queue = LockedBox(values)
    }

    package func randomBytes(_ count: Int) throws -> [UInt8] {
        try queue.withLock { (queue) throws(QueueError) -> [UInt8] in
            guard !queue.isEmpty else { throw QueueError.exhausted(requested: count) }
            guard queue[0].count == count else { throw QueueError.lengthMismatch(requested: count, queued: queue[0].count) }
            return queue.removeFirst()
        }
    }

    /// Values not consumed yet.
    package var remaining: Int { queue.withLock { $0.count } }
}
