import CCCDCrypto
import CCCDPrimitives
import Foundation

/// Where the chip's random values come from (nonces, challenges, ephemeral keys). Tests queue
/// fixed values to reproduce the ICAO worked examples; the default is OpenSSL's generator.
public protocol ChipRandomSource: Sendable {
    func randomBytes(_ count: Int) throws(CryptoError) -> [UInt8]
}

/// OpenSSL `RAND_bytes`.
public struct SystemChipRandom: ChipRandomSource {
    public init() {}

    public func randomBytes(_ count: Int) throws(CryptoError) -> [UInt8] {
        try SecureRandom.bytes(count)
    }
}

/// Hands out queued byte strings in order (each must have the requested length), then falls
/// back to the system generator.
public final class QueuedChipRandom: ChipRandomSource, @unchecked Sendable {
    private let queue: LockedBox<[[UInt8]]>

    public init(_ values: [[UInt8]]) {
        queue = LockedBox(values)
    }

    public func randomBytes(_ count: Int) throws(CryptoError) -> [UInt8] {
        let next: [UInt8]? = queue.withLock { $0.isEmpty ? nil : $0.removeFirst() }
        guard let next else { return try SecureRandom.bytes(count) }
        guard next.count == count else { throw .randomGenerationFailed }
        return next
    }

    /// Values not consumed yet.
    public var remaining: Int { queue.withLock { $0.count } }
}
