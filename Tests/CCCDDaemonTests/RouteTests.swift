import CCCDClientTokens
import CCCDDaemon
import CCCDKit
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Testing

/// The router in process (``InProcessRouter``, HummingbirdTesting's `.router` client: no socket, no card): authentication into the
/// request context, scopes per route group, and reads visible only to the client that made them.
/// The same behaviour through the real server and a card: DaemonClientIsolationTests.
@Suite struct RouteTests {
    struct Fixture {
        let folder: URL
        let services: DaemonServices
        let legacy = String(repeating: "5", count: 64)
        var secrets: [String: String] = [:]

        /// `allowedHosts`: HummingbirdTesting's router client sends `Host: localhost` without a port.
        init(allowedHosts: [String] = ["localhost"]) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("cccdd-routes-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var file = ClientTokenFile()
            for (name, scope) in [("teller-a", ClientScope.teller), ("kiosk-b", .kiosk), ("monitor-m", .monitor)] {
                secrets[name] = try file.add(name: name, scope: scope)
            }
            try file.save(path: folder.appendingPathComponent("cccdd-tokens.json").path)
            let configuration = DaemonConfiguration(
                tokenFile: folder.appendingPathComponent("cccdd.token").path, allowedHosts: allowedHosts, trust: [],
                trustDir: folder.appendingPathComponent("trust").path, audit: .init(path: nil, saltFile: nil, retentionDays: nil))
            services = try DaemonServices(
                configuration: configuration, token: AccessToken(legacy), metrics: DaemonMetrics.shared,
                logger: Logger(label: "route-tests"))
        }

        func read(owner: String) -> StoredRead {
            services.store.store(
                CardReadResult(
                    photo: PhotoSummary(format: "jpeg", sha256: "00", width: 1, height: 1, imageData: [0xFF, 0xD8, 0xFF, 0xE0]),
                    rawFiles: [.dataGroup(.dg1): [1, 2, 3]]),
                reader: "R0", sessionId: "s-\(owner)", owner: owner)
        }

        func headers(_ name: String?, json: Bool = false) -> HTTPFields {
            var fields = HTTPFields()
            if json { fields[.contentType] = "application/json" }
            if let name { fields[.authorization] = "Bearer \(name == "legacy" ? legacy : secrets[name] ?? name)" }
            return fields
        }
    }

    @Test func readsAreVisibleOnlyToTheClientThatMadeThem() async throws {
        let fixture = try Fixture()
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let mine = fixture.read(owner: "kiosk-b")
        try await InProcessRouter.test(DaemonRouter.make(fixture.services)) { client in
            let path = "/v1/reads/\(mine.readId)"
            #expect(try await client.execute(.get, path, headers: fixture.headers("kiosk-b")).status == .ok)
            #expect(try await client.execute(.get, path + "/photo", headers: fixture.headers("kiosk-b")).status == .ok)
            // Another client, the legacy token, an unknown id: the same 404, existence does not leak.
            for other in ["teller-a", "legacy"] {
                for route in [path, path + "/photo", path + "/evidence"] {
                    let reply = try await client.execute(.get, route, headers: fixture.headers(other))
                    #expect(
                        reply.status == .notFound && reply.errorCode == "read_not_found",
                        "\(other) \(route) \(String(decoding: reply.body, as: UTF8.self))")
                }
                let delete = try await client.execute(.delete, path, headers: fixture.headers(other))
                #expect(delete.status == .notFound, "\(other) DELETE")
                let cancel = try await client.execute(
                    .post, "/v1/sessions/s-kiosk-b/cancel", headers: fixture.headers(other))
                #expect(cancel.status == .notFound, "\(other) cancel")
            }
            let face = try await client.execute(
                .post, "/v1/face/compare",
                headers: fixture.headers("teller-a", json: true),
                body: #"{"readId":"\#(mine.readId)","liveImage":"/9j/4AAQ"}"#)
            #expect(face.status == .notFound && face.errorCode == "read_not_found", "\(face.status)")
            #expect(fixture.services.store.read(mine.readId) != nil, "still there for its owner")
            #expect(try await client.execute(.delete, path, headers: fixture.headers("kiosk-b")).status == .noContent)
        }
    }

    @Test func scopesLimitTheRoutes() async throws {
        let fixture = try Fixture()
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        try await InProcessRouter.test(DaemonRouter.make(fixture.services)) { client in
            // (method, path, body, scopes that pass the scope check)
            let routes: [(HTTPRequest.Method, String, String?, Set<String>)] = [
                (.get, "/v1/status", nil, ["teller-a", "kiosk-b", "monitor-m", "legacy"]),
                (.get, "/v1/readers", nil, ["teller-a", "kiosk-b", "monitor-m", "legacy"]),
                (.get, "/metrics", nil, ["teller-a", "monitor-m", "legacy"]),
                (.post, "/v1/readers/9/read", #"{"access":{"can":"123456"}}"#, ["teller-a", "kiosk-b", "legacy"]),
                (.get, "/v1/reads/none", nil, ["teller-a", "kiosk-b", "legacy"]),
                (.post, "/v1/verify", "{}", ["teller-a", "legacy"]),
                (.post, "/v1/face/compare", "{}", ["teller-a", "legacy"]),
                (.get, "/v1/reads/none/evidence", nil, ["teller-a", "legacy"]),
            ]
            for (method, path, body, allowed) in routes {
                for name in ["teller-a", "kiosk-b", "monitor-m", "legacy"] {
                    let headers = fixture.headers(name, json: body != nil)
                    let reply = try await client.execute(method, path, headers: headers, body: body)
                    let what = "\(name) \(path): \(reply.status)"
                    if allowed.contains(name) {
                        #expect(reply.status != .forbidden && reply.status != .unauthorized, "\(what)")
                    } else {
                        #expect(reply.status == .forbidden && reply.errorCode == "forbidden_scope", "\(what)")
                    }
                }
                for bad in [nil, "not-a-token", fixture.services.configuration.tokenFile] as [String?] {
                    let reply = try await client.execute(method, path, headers: fixture.headers(bad))
                    #expect(reply.status == .unauthorized && reply.errorCode == "unauthorized", "\(path)")
                }
            }
            #expect(try await client.execute(.get, "/healthz", headers: fixture.headers(nil)).status == .ok)
        }
    }

    /// How fast the in-process route tests run (reported; no threshold, the machine is shared).
    @Test func inProcessRequestRate() async throws {
        let fixture = try Fixture()
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let count = 2000
        let started = ContinuousClock.now
        try await InProcessRouter.test(DaemonRouter.make(fixture.services)) { client in
            for _ in 0..<count {
                let reply = try await client.execute(.get, "/v1/readers", headers: fixture.headers("kiosk-b"))
                #expect(reply.status == .ok)
            }
        }
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let line = String(
            format: "route tests: %d authenticated GET /v1/readers in process in %.3f s (%.0f µs each)\n",
            count, seconds, seconds / Double(count) * 1e6)
        FileHandle.standardError.write(Data(line.utf8))
    }
}
