import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOEmbedded

/// Sends requests straight to the daemon's router (no socket), as HummingbirdTesting's `.router`
/// setup does: the router's responder, a request context on an embedded channel, the response body
/// collected. (HummingbirdTesting itself pulls AsyncHTTPClient and BoringSSL into the test build.)
struct InProcessRouter {
    struct Reply {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: Data

        var errorCode: String? {
            let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any]
            return (object?["error"] as? [String: Any])?["code"] as? String
        }
    }

    private final class Collected: @unchecked Sendable {
        var body = ByteBuffer()
    }

    private struct Writer: ResponseBodyWriter {
        let collected: Collected
        mutating func write(_ buffer: ByteBuffer) async throws {
            var buffer = buffer
            collected.body.writeBuffer(&buffer)
        }
        consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }

    let responder: any HTTPResponder<BasicRequestContext>

    init(_ router: Router<BasicRequestContext>) {
        responder = router.buildResponder()
    }

    func execute(_ method: HTTPRequest.Method, _ path: String, headers: HTTPFields = [:], body: String? = nil) async throws
        -> Reply
    {
        var headers = headers
        if let body { headers[.contentLength] = "\(body.utf8.count)" }
        let request = Request(
            head: HTTPRequest(method: method, scheme: "http", authority: "127.0.0.1:8700", path: path, headerFields: headers),
            body: RequestBody(buffer: ByteBuffer(string: body ?? "")))
        let context = BasicRequestContext(
            source: ApplicationRequestContextSource(channel: EmbeddedChannel(), logger: Logger(label: "in-process")))
        let response = try await responder.respond(to: request, context: context)
        let collected = Collected()
        try await response.body.write(Writer(collected: collected))
        return Reply(status: response.status, headers: response.headers, body: Data(buffer: collected.body))
    }
}
