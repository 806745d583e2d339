import CCCDDaemon
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The router through HummingbirdTesting's in-process client (`app.test(.router)`: no socket, no
/// card), beside the end-to-end suites that run the real server: authentication and scopes (401/403),
/// 405 for undeclared methods, status and health, read isolation, request errors with their codes.
@Suite struct RouterTestingTests {
    /// Runs `test` against the daemon's router with a fresh fixture (tokens for teller-a, kiosk-b,
    /// monitor-m and the legacy token; no readers, no audit journal).
    static func withRouter(_ test: @Sendable (RouteTests.Fixture, any TestClientProtocol) async throws -> Void) async throws {
        let fixture = try RouteTests.Fixture()
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let app = Application(router: DaemonRouter.make(fixture.services))
        try await app.test(.router) { client in try await test(fixture, client) }
    }

    static func errorCode(_ response: TestResponse) -> String? { error(response)?["code"] as? String }

    static func error(_ response: TestResponse) -> [String: Any]? {
        let object = try? JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
        return object?["error"] as? [String: Any]
    }

    @Test func tokensAndScopes() async throws {
        try await Self.withRouter { fixture, client in
            let missing = try await client.execute(uri: "/v1/status", method: .get)
            #expect(missing.status == .unauthorized && Self.errorCode(missing) == "unauthorized")
            #expect(missing.headers[.wwwAuthenticate] == "Bearer realm=\"cccdd\"")
            for header in ["Bearer not-a-token", "Basic \(fixture.legacy)", "Bearer ", "Bearer\t\t", fixture.legacy] {
                let reply = try await client.execute(uri: "/v1/status", method: .get, headers: [.authorization: header])
                #expect(reply.status == .unauthorized, "\(header.prefix(12))")
            }
            // The scheme is case-insensitive and blanks around the token do not matter.
            for header in ["Bearer \(fixture.legacy)", "bearer \(fixture.legacy)", "BEARER  \(fixture.legacy)\t"] {
                let reply = try await client.execute(uri: "/v1/status", method: .get, headers: [.authorization: header])
                #expect(reply.status == .ok, "\(header.prefix(8))")
            }
            let kioskEvidence = try await client.execute(
                uri: "/v1/reads/none/evidence", method: .get, headers: fixture.headers("kiosk-b"))
            #expect(kioskEvidence.status == .forbidden && Self.errorCode(kioskEvidence) == "forbidden_scope")
            let monitorRead = try await client.execute(
                uri: "/v1/readers/0/read", method: .post, headers: fixture.headers("monitor-m", json: true),
                body: ByteBuffer(string: #"{"access":{"can":"123456"}}"#))
            #expect(monitorRead.status == .forbidden && Self.errorCode(monitorRead) == "forbidden_scope")
            let monitorMetrics = try await client.execute(uri: "/metrics", method: .get, headers: fixture.headers("monitor-m"))
            #expect(monitorMetrics.status == .ok)
        }
    }

    @Test func undeclaredMethodsAre405BeforeAuthentication() async throws {
        try await Self.withRouter { fixture, client in
            for (method, path, allow) in [
                (HTTPRequest.Method.delete, "/v1/status", "GET, HEAD"), (.put, "/healthz", "GET, HEAD"),
                (.get, "/v1/verify", "POST"), (.patch, "/v1/reads/abc", "DELETE, GET, HEAD"),
                (.put, "/v1//status/", "GET, HEAD"),
            ] {
                for headers in [HTTPFields(), fixture.headers("legacy")] {
                    let reply = try await client.execute(uri: path, method: method, headers: headers)
                    #expect(
                        reply.status == .methodNotAllowed && Self.errorCode(reply) == "method_not_allowed", "\(method) \(path)")
                    #expect(reply.headers[.allow] == allow, "\(method) \(path)")
                }
            }
            // A path nobody serves stays 404.
            let unknown = try await client.execute(uri: "/v1/nothing", method: .delete, headers: fixture.headers("legacy"))
            #expect(unknown.status == .notFound)
        }
    }

    @Test func statusAndHealth() async throws {
        try await Self.withRouter { fixture, client in
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok && health.headers[.contentType] == "application/json; charset=utf-8")
            let healthObject = try JSONSerialization.jsonObject(with: Data(buffer: health.body)) as? [String: Any]
            #expect(healthObject?["status"] as? String == "ok" && healthObject?["version"] is String)

            let first = try await client.execute(uri: "/v1/status", method: .get, headers: fixture.headers("monitor-m"))
            #expect(first.status == .ok && first.headers[.cacheControl] == "no-store")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(buffer: first.body)) as? [String: Any])
            #expect(object["service"] as? String == "cccdd" && (object["readers"] as? [Any])?.isEmpty == true)
            #expect(object["trust"] is [String: Any])
            #expect(object["uptimeSeconds"] is Int)
            // The same state gives the same bytes (the body is cached while nothing changes); the
            // uptime still moves: a later second answers a new body.
            let again = try await client.execute(uri: "/v1/status", method: .get, headers: fixture.headers("kiosk-b"))
            let firstUptime = object["uptimeSeconds"] as? Int ?? -1
            let againObject = try JSONSerialization.jsonObject(with: Data(buffer: again.body)) as? [String: Any]
            if againObject?["uptimeSeconds"] as? Int == firstUptime { #expect(again.body == first.body) }
            try await Task.sleep(for: .milliseconds(1100))
            let later = try await client.execute(uri: "/v1/status", method: .get, headers: fixture.headers("legacy"))
            let laterObject = try JSONSerialization.jsonObject(with: Data(buffer: later.body)) as? [String: Any]
            #expect((laterObject?["uptimeSeconds"] as? Int ?? -1) > firstUptime)
        }
    }

    @Test func aClientCannotFetchAnotherClientsRead() async throws {
        try await Self.withRouter { fixture, client in
            let read = fixture.read(owner: "kiosk-b")
            let own = try await client.execute(uri: "/v1/reads/\(read.readId)", method: .get, headers: fixture.headers("kiosk-b"))
            #expect(own.status == .ok)
            for other in ["teller-a", "legacy"] {
                let reply = try await client.execute(
                    uri: "/v1/reads/\(read.readId)", method: .get, headers: fixture.headers(other))
                #expect(reply.status == .notFound && Self.errorCode(reply) == "read_not_found", "\(other)")
            }
        }
    }

    @Test func requestErrorsCarryTheirCodes() async throws {
        try await Self.withRouter { fixture, client in
            let json = fixture.headers("legacy", json: true)
            for body in ["", "[]", "{", #"{"access":{"can":123456}}"#, #"{"access":{"can":"123456"},"extra":1}"#] {
                let reply = try await client.execute(
                    uri: "/v1/readers/0/read", method: .post, headers: json, body: ByteBuffer(string: body))
                #expect(reply.status == .badRequest && Self.errorCode(reply) == "invalid_request", "\(body)")
            }
            let face = try await client.execute(
                uri: "/v1/face/compare", method: .post, headers: json, body: ByteBuffer(string: #"{"readId":"x"}"#))
            #expect(face.status == .badRequest && Self.errorCode(face) == "invalid_request")
            var badClient = json
            badClient[HTTPField.Name("X-Client-Id")!] = "kiosk 1"
            let clientID = try await client.execute(
                uri: "/v1/readers/0/read", method: .post, headers: badClient,
                body: ByteBuffer(string: #"{"access":{"can":"123456"}}"#))
            #expect(clientID.status == .badRequest && Self.errorCode(clientID) == "invalid_client_id")
            let text = try await client.execute(
                uri: "/v1/readers/0/read", method: .post, headers: fixture.headers("legacy"),
                body: ByteBuffer(string: #"{"access":{"can":"123456"}}"#))
            #expect(text.status == .unsupportedMediaType && Self.errorCode(text) == "unsupported_media_type")
        }
    }

    /// The routes decode with `request.decode(as:context:)` and the context's ``DaemonRequestDecoder``:
    /// the daemon's own messages, naming the field — not Hummingbird's generic 400. (The configured
    /// body limit for a chunked body, which the decoder applies, is checked through the real server
    /// in DaemonAbuseTests.)
    @Test func requestDecodeUsesTheDaemonsDecoder() async throws {
        try await Self.withRouter { fixture, client in
            let json = fixture.headers("teller-a", json: true)
            let wrongType = try await client.execute(
                uri: "/v1/readers/0/read", method: .post, headers: json, body: ByteBuffer(string: #"{"access":{"can":12}}"#))
            #expect(wrongType.status == .badRequest)
            #expect(Self.error(wrongType)?["message"] as? String == "access.can has the wrong type")
            let notObject = try await client.execute(
                uri: "/v1/verify", method: .post, headers: json, body: ByteBuffer(string: "[1]"))
            #expect(Self.error(notObject)?["message"] as? String == "the request body must be a JSON object")
        }
    }
}
