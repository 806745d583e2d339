import CCCDKit
import Foundation

/// The answer of `POST /v1/readers/{id}/read` and `GET /v1/reads/{id}`: the `cccd read --json`
/// object plus `readId`, `sessionId`, `reader` and `expiresAt`.
public struct ReadResponse: Encodable, Sendable {
    public var read: StoredRead

    private enum CodingKeys: String, CodingKey { case readId, sessionId, reader, expiresAt }

    public func encode(to encoder: any Encoder) throws {
        try read.result.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(read.readId, forKey: .readId)
        try container.encode(read.sessionId, forKey: .sessionId)
        try container.encode(read.reader, forKey: .reader)
        try container.encode(read.expiresAt, forKey: .expiresAt)
    }
}
