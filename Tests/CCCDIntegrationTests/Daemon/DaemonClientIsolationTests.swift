import CCCDTestSupport
import CCCDVirtualCard
import Foundation
import Testing

/// Issue 17, item 4, through the built daemon, `cccd token` and a card on the virtual reader: per-client
/// tokens with scopes; a read, its photo, evidence and events' ids reach only the client that made it;
/// a revoked token is refused at the next request, without restart.
extension PCSCEndToEnd {
    static func addToken(_ daemon: DaemonProcess, _ name: String, scope: String) throws -> String {
        let run = try runCLI(["token", "add", name, "--scope", scope, "--file", daemon.tokensFile])
        #expect(run.status == 0, "\(run.stderr)")
        return String(decoding: run.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func daemonClientTokensIsolateReadsAndScopes() async throws {
        let daemon = try DaemonProcess(trust: [Self.trustFolder])
        _ = try daemon.waitForReaders(2, timeout: 10) { $0["busy"] as? Bool == false }
        let tellerA = try Self.addToken(daemon, "teller-a", scope: "teller")
        let kioskB = try Self.addToken(daemon, "kiosk-b", scope: "kiosk")
        let monitor = try Self.addToken(daemon, "monitor-m", scope: "monitor")
        #expect(tellerA.count == 64 && kioskB.count == 64 && Set([tellerA, kioskB, monitor]).count == 3)

        // The file holds hashes only, at 0640; `list` shows no secret.
        let stored = try String(contentsOfFile: daemon.tokensFile, encoding: .utf8)
        #expect(![tellerA, kioskB, monitor].contains { stored.contains($0) })
        #expect(try FileManager.default.attributesOfItem(atPath: daemon.tokensFile)[.posixPermissions] as? Int == 0o640)
        let list = try Self.runCLI(["token", "list", "--json", "--file", daemon.tokensFile])
        let listObject = try #require(try JSONSerialization.jsonObject(with: list.stdout) as? [String: Any])
        let listed = listObject["tokens"] as? [[String: Any]]
        #expect(listed?.compactMap { $0["name"] as? String } == ["teller-a", "kiosk-b", "monitor-m"])
        #expect(listed?.compactMap { $0["scope"] as? String } == ["teller", "kiosk", "monitor"])
        let listText = String(decoding: list.stdout, as: UTF8.self)
        #expect(![tellerA, kioskB, monitor].contains { listText.contains($0) } && !listText.contains("sha256"))

        let eventsA = try EventStreamClient(daemon: daemon, token: tellerA)
        let eventsB = try EventStreamClient(daemon: daemon, token: kioskB)
        let connection = VPCDConnection(card: try DataSetChip.load(Self.defaultDataSet), port: bed.basePort)
        try connection.insertSettled()
        defer { connection.eject() }

        let reply = try daemon.request(
            "POST", "/v1/readers/0/read", token: .some(kioskB),
            body: try JSONSerialization.data(withJSONObject: ["access": ["can": "012345"], "sessionId": "kiosk-b-1"]))
        #expect(reply.status == 200, "\(String(decoding: reply.body, as: UTF8.self))")
        let readId = try #require(reply.json?["readId"] as? String)
        _ = try eventsB.waitFor { $0.type == "read-finished" && $0.data["readId"] == readId }
        // The journal names the client the token belongs to, not a header the caller chose.
        let row = try #require(try Self.auditRows(daemon).last)
        #expect(row.readId == readId && row.clientID == "kiosk-b", "\(row.clientID)")

        // Its owner sees it; another client, even a teller or the legacy token, gets 404 as for no read.
        #expect(try daemon.request("GET", "/v1/reads/\(readId)", token: .some(kioskB)).status == 200)
        #expect(try daemon.request("GET", "/v1/reads/\(readId)/photo", token: .some(kioskB)).status == 200)
        for other in [tellerA, daemon.token] {
            for path in ["/v1/reads/\(readId)", "/v1/reads/\(readId)/photo", "/v1/reads/\(readId)/evidence"] {
                let refused = try daemon.request("GET", path, token: .some(other))
                #expect(refused.status == 404 && refused.errorCode == "read_not_found", "\(path): \(refused.status)")
            }
            #expect(try daemon.request("DELETE", "/v1/reads/\(readId)", token: .some(other)).status == 404)
        }
        // A kiosk token may read but not export evidence; a monitor token may not read at all.
        let evidence = try daemon.request("GET", "/v1/reads/\(readId)/evidence", token: .some(kioskB))
        #expect(evidence.status == 403 && evidence.errorCode == "forbidden_scope")
        let monitorRead = try daemon.request(
            "POST", "/v1/readers/0/read", token: .some(monitor), body: Data(#"{"access":{"can":"012345"}}"#.utf8))
        #expect(monitorRead.status == 403 && monitorRead.errorCode == "forbidden_scope")
        #expect(try daemon.request("GET", "/v1/reads/\(readId)", token: .some(monitor)).status == 403)
        #expect(try daemon.request("GET", "/v1/events", token: .some(monitor), timeout: 5).status == 403)
        #expect(try daemon.request("GET", "/v1/status", token: .some(monitor)).status == 200)
        #expect(try daemon.request("GET", "/metrics", token: .some(monitor)).status == 200)
        #expect(try daemon.request("GET", "/v1/diagnostics", token: .some(monitor)).status == 200)

        // A's stream saw the card but none of B's read: no read event, no readId, no session id.
        connection.eject()
        _ = try eventsA.waitFor { $0.type == "card-removed" }
        _ = try eventsB.waitFor { $0.type == "card-removed" }
        #expect(eventsA.events.contains { $0.type == "card-inserted" })
        #expect(!eventsA.events.contains { $0.type.hasPrefix("read-") }, "\(eventsA.events.map(\.type))")
        #expect(!eventsA.rawText.contains(readId) && !eventsA.rawText.contains("kiosk-b-1"))
        #expect(eventsB.events.contains { $0.type == "read-started" && $0.data["sessionId"] == "kiosk-b-1" })
        eventsA.stop()
        eventsB.stop()

        // Revoked: 401 from the next request on, no restart; the other tokens keep working.
        let revoke = try Self.runCLI(["token", "revoke", "kiosk-b", "--file", daemon.tokensFile])
        #expect(revoke.status == 0, "\(revoke.stderr)")
        let revoked = try daemon.request("GET", "/v1/status", token: .some(kioskB))
        #expect(revoked.status == 401 && revoked.errorCode == "unauthorized")
        #expect(try daemon.request("GET", "/v1/status", token: .some(tellerA)).status == 200)
        #expect(try Self.runCLI(["token", "revoke", "kiosk-b", "--file", daemon.tokensFile]).status == 1)
        #expect(try daemon.request("GET", "/v1/status").status == 200, "the legacy token still works")
        #expect(!daemon.log.contains(kioskB) && !daemon.log.contains(tellerA), "the log holds a secret")
    }
}
