import CCCDFace
import CCCDKit
import Foundation

/// A finished read kept in memory for its time to live: what `GET /v1/reads/{id}` answers and
/// what `/photo` and `/v1/face/compare` use. Never written to disk.
public struct StoredRead: Sendable {
    public var readId: String
    public var sessionId: String
    public var reader: String
    /// The client (token name) that made the read: the only one that may see it.
    public var owner = AuthenticatedClient.legacy.name
    public var expiresAt: Date
    public var result: CardReadResult
    /// When the read finished (the evidence bundle's `readAt`).
    public var readAt = Date()
    /// The chip photo's face template, started when DG2 arrived during the read (`face.precompute`);
    /// lives exactly as long as the read and is dropped with it.
    public var chipTemplate: PendingFaceResult<FaceTemplate>?

    /// Overwrites the personal bytes this value holds (files as read, photo) with zeros. Copies
    /// that a request still holds keep theirs until they are released; the store drops its own.
    mutating func zeroPersonalBytes() {
        for file in Array(result.rawFiles.keys) {
            result.rawFiles[file]?.withUnsafeMutableBytes { buffer in
                if let base = buffer.baseAddress { memset(base, 0, buffer.count) }
            }
        }
        result.photo?.imageData.withUnsafeMutableBytes { buffer in
            if let base = buffer.baseAddress { memset(base, 0, buffer.count) }
        }
        chipTemplate = nil
        result.rawFiles = [:]
        result.photo = nil
        result.citizen = nil
        result.holder = nil
        result.document = nil
        result.mrz = nil
    }
}
