import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting

/// The daemon's router behind HummingbirdTesting's in-process client (`app.test(.router)`: no
/// socket), with the short call and reply shape the route tests use.
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

    let client: any TestClientProtocol

    /// Runs `body` with a client of `router`.
    static func test(_ router: Router<BasicRequestContext>, _ body: @Sendable (InProcessRouter) async throws -> Void)
        async throws
    {
        try await Application(router: router).test(.router) { client in try await body(InProcessRouter(client: client)) }
    }

    func execute(_ method: HTTPRequest.Method, _ path: String, headers: HTTPFields = [:], body: String? = nil) async throws
        -> Reply
    {
        let response = try await client.execute(
            uri: path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
        return Reply(status: response.status, headers: response.headers, body: Data(buffer: response.body))
    }
}
