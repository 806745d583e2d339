import CCCDFace
import CCCDKit
import CCCDPrimitives
import Foundation

/// The finished reads, in memory only, each until its time to live runs out, it is deleted, or
/// the card it came from is removed from the reader — whichever comes first.
public final class ReadStore: Sendable {
    public let timeToLive: TimeInterval
    private let reads = LockedBox<[String: StoredRead]>([:])
    private let now: @Sendable () -> Date

    public init(timeToLive: TimeInterval, now: @escaping @Sendable () -> Date = Date.init) {
        self.timeToLive = timeToLive
        self.now = now
    }

    /// A new random read id (a lowercase UUID).
    public static func makeReadId() -> String { UUID().uuidString.lowercased() }

    /// Keeps a result of `owner`'s and returns its entry (with a new random read id, or the one given),
    /// with the chip photo's face template when it was started during the read.
    public func store(
        _ result: CardReadResult, reader: String, sessionId: String, readId: String = makeReadId(),
        owner: String = AuthenticatedClient.legacy.name, chipTemplate: PendingFaceResult<FaceTemplate>? = nil
    ) -> StoredRead {
        let entry = StoredRead(
            readId: readId, sessionId: sessionId, reader: reader, owner: owner,
            expiresAt: now().addingTimeInterval(timeToLive), result: result, chipTemplate: chipTemplate)
        reads.withLock { $0[entry.readId] = entry }
        return entry
    }

    /// The read, unless unknown, wiped or expired (an expired one is wiped now).
    public func read(_ readId: String) -> StoredRead? {
        let time = now()
        return reads.withLock { reads -> StoredRead? in
            guard let entry = reads[readId] else { return nil }
            guard entry.expiresAt > time else {
                Self.wipe(readId, in: &reads)
                return nil
            }
            return entry
        }
    }

    /// The read if `owner` made it: another client's read is `nil`, like an unknown one (404,
    /// so that its existence does not leak).
    public func read(_ readId: String, owner: String) -> StoredRead? {
        read(readId).flatMap { $0.owner == owner ? $0 : nil }
    }

    /// Wipes one read. Returns whether it existed.
    @discardableResult
    public func delete(_ readId: String) -> Bool {
        reads.withLock { Self.wipe(readId, in: &$0) }
    }

    /// Wipes one read of `owner`'s. Returns whether it existed and was theirs.
    @discardableResult
    public func delete(_ readId: String, owner: String) -> Bool {
        reads.withLock { reads in
            guard reads[readId]?.owner == owner else { return false }
            return Self.wipe(readId, in: &reads)
        }
    }

    /// Wipes every read taken from `reader` (its card was removed). Returns how many.
    @discardableResult
    public func wipe(reader: String) -> Int {
        reads.withLock { reads in
            let ids = reads.values.filter { $0.reader == reader }.map(\.readId)
            for id in ids { Self.wipe(id, in: &reads) }
            return ids.count
        }
    }

    /// Wipes every expired read. Returns how many.
    @discardableResult
    public func sweep() -> Int {
        let time = now()
        return reads.withLock { reads in
            let ids = reads.values.filter { $0.expiresAt <= time }.map(\.readId)
            for id in ids { Self.wipe(id, in: &reads) }
            return ids.count
        }
    }

    /// Wipes everything (shutdown).
    public func wipeAll() {
        reads.withLock { reads in
            for id in Array(reads.keys) { Self.wipe(id, in: &reads) }
        }
    }

    public var count: Int { reads.withLock { $0.count } }

    @discardableResult
    private static func wipe(_ readId: String, in reads: inout [String: StoredRead]) -> Bool {
        guard var entry = reads.removeValue(forKey: readId) else { return false }
        entry.zeroPersonalBytes()
        return true
    }
}
