import Foundation

/// An event of `GET /v1/events` (Server-Sent Events). Reader names, session and read ids, steps,
/// file names, byte counts, verdicts and error codes only: never personal data.
public enum DaemonEvent: Sendable, Equatable {
    case readerAttached(reader: String)
    case readerDetached(reader: String)
    case cardInserted(reader: String)
    case cardRemoved(reader: String)
    case readStarted(sessionId: String, reader: String)
    case readProgress(sessionId: String, reader: String, step: String, file: String?, bytesRead: Int?, totalBytes: Int?)
    case readFinished(sessionId: String, readId: String, reader: String, overall: String)
    case readFailed(sessionId: String, reader: String, code: String)

    /// The SSE `event:` name.
    public var type: String {
        switch self {
        case .readerAttached: "reader-attached"
        case .readerDetached: "reader-detached"
        case .cardInserted: "card-inserted"
        case .cardRemoved: "card-removed"
        case .readStarted: "read-started"
        case .readProgress: "read-progress"
        case .readFinished: "read-finished"
        case .readFailed: "read-failed"
        }
    }

    private struct Payload: Encodable {
        var reader: String
        var sessionId: String?
        var readId: String?
        var step: String?
        var file: String?
        var bytesRead: Int?
        var totalBytes: Int?
        var overall: String?
        var code: String?
    }

    private var payload: Payload {
        switch self {
        case .readerAttached(let r), .readerDetached(let r), .cardInserted(let r), .cardRemoved(let r):
            Payload(reader: r)
        case .readStarted(let s, let r): Payload(reader: r, sessionId: s)
        case .readProgress(let s, let r, let step, let file, let read, let total):
            Payload(reader: r, sessionId: s, step: step, file: file, bytesRead: read, totalBytes: total)
        case .readFinished(let s, let id, let r, let overall): Payload(reader: r, sessionId: s, readId: id, overall: overall)
        case .readFailed(let s, let r, let code): Payload(reader: r, sessionId: s, code: code)
        }
    }

    /// The JSON `data:` line's object.
    public var json: Data { (try? JSONResponse.encoder.encode(payload)) ?? Data("{}".utf8) }

    /// One SSE message: `event: TYPE\ndata: JSON\n\n`.
    public var serverSentEvent: String {
        "event: \(type)\ndata: \(String(decoding: json, as: UTF8.self))\n\n"
    }
}
