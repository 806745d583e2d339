import CCCDAudit
import CCCDTestSupport
import CCCDVirtualCard
import Foundation
import Testing

/// Issue #17 through the real server: the audit journal cannot be bypassed (client ids, journal
/// failures), and the request deadline, connection cap, close-after-refusal, event-stream and
/// face-comparison caps hold while well-behaved clients are served.
extension PCSCEndToEnd {
    /// A bad client id is refused before the read starts; an honest one with a long number is
    /// journaled under its keyed pseudonym. No read ever leaves without its audit row.
    @Test func hardeningClientIdsNeverYieldAnUnauditedRead() throws {
        let daemon = try DaemonProcess(trust: [Self.trustFolder])
        _ = try daemon.waitForReaders(1)
        let connection = VPCDConnection(card: try DataSetChip.load(Self.defaultDataSet), port: bed.basePort)
        try connection.insertSettled()
        defer { connection.eject() }
        let access = ["access": ["can": "012345"]]
        for bad in ["kiosk 1", "kiosk/1", "k\u{e9}", String(repeating: "a", count: 65), "a,b", "x\"y"] {
            let reply = try daemon.json("POST", "/v1/readers/0/read", access, headers: ["X-Client-Id: \(bad)"])
            #expect(reply.status == 400 && reply.errorCode == "invalid_client_id", "X-Client-Id \(bad.debugDescription): \(reply.status)")
        }
        // An empty value (curl sends it with the `Name;` syntax).
        let empty = try daemon.json("POST", "/v1/readers/0/read", access, headers: ["X-Client-Id;"])
        #expect(empty.status == 400 && empty.errorCode == "invalid_client_id", "empty X-Client-Id: \(empty.status)")
        #expect(try Self.auditRows(daemon).isEmpty, "a refused client id started a read")

        for id in ["kiosk-000123", "x123456", "teller-7"] {
            let reply = try daemon.json("POST", "/v1/readers/0/read", access, headers: ["X-Client-Id: \(id)"])
            #expect(reply.status == 200, "\(id): \(reply.status) \(String(decoding: reply.body, as: UTF8.self))")
        }
        let rows = try Self.auditRows(daemon)
        #expect(rows.count == 3)
        let ids = rows.map(\.clientID)
        // The token's client (the single token: `legacy`), then the X-Client-Id label.
        #expect(ids.count == 3 && ids[2] == "legacy/teller-7", "\(ids)")
        #expect(ids[0].hasPrefix("legacy/kiosk-#") && ids[0].count == "legacy/kiosk-#".count + 12, "\(ids)")
        #expect(ids[1].hasPrefix("legacy/x#") && ids[0] != ids[1], "\(ids)")
        #expect(!ids.joined().contains("000123") && !ids.joined().contains("123456"))
    }

    /// A journal that cannot be written (another process holds SQLite's exclusive lock past the busy
    /// timeout) fails the request with 503; the result is not served or kept.
    @Test func hardeningJournalFailureFailsTheRequest() throws {
        let daemon = try DaemonProcess(trust: [Self.trustFolder])
        _ = try daemon.waitForReaders(1)
        let connection = VPCDConnection(card: try DataSetChip.load(Self.defaultDataSet), port: bed.basePort)
        try connection.insertSettled()
        defer { connection.eject() }
        let verifyBody = ["files": ["EF.SOD": "AAAA"]]
        #expect(try daemon.json("POST", "/v1/verify", verifyBody).status == 200)

        let locker = try Self.lockJournal(daemon.auditPath.path, seconds: 14)
        defer { if locker.isRunning { kill(locker.processIdentifier, SIGKILL) } }
        let verify = try daemon.json("POST", "/v1/verify", verifyBody)
        #expect(verify.status == 503 && verify.errorCode == "audit_unavailable", "verify: \(verify.status)")
        let read = try daemon.json("POST", "/v1/readers/0/read", ["access": ["can": "012345"]])
        #expect(read.status == 503 && read.errorCode == "audit_unavailable", "read: \(read.status)")
        #expect(read.json?["readId"] == nil)
        #expect(String(decoding: try daemon.request("GET", "/metrics").body, as: UTF8.self)
            .contains("cccdd_audit_failures_total 2"))
        locker.waitUntilExit()

        // Once the journal is writable again, requests are served (and journaled) as before.
        let after = try daemon.json("POST", "/v1/readers/0/read", ["access": ["can": "012345"]])
        #expect(after.status == 200)
        #expect(try Self.auditRows(daemon).count == 2)
    }

    /// `python3 -c sqlite3 … BEGIN EXCLUSIVE`, held for `seconds`; returns once the lock is held.
    static func lockJournal(_ path: String, seconds: Int) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", """
            import sqlite3, sys, time
            db = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=10)
            db.execute("BEGIN EXCLUSIVE")
            print("locked", flush=True)
            time.sleep(int(sys.argv[2]))
            db.execute("ROLLBACK")
            """, path, "\(seconds)"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let line = out.fileHandleForReading.availableData
        #expect(String(decoding: line, as: UTF8.self).hasPrefix("locked"))
        return process
    }

    /// Slow-body and connection-flood clients are cut at the request deadline while a well-behaved
    /// client is served; refusals close the connection.
    @Test func hardeningDeadlineAndConnectionCapHold() async throws {
        let deadline = 3
        let daemon = try DaemonProcess(trust: [Self.trustFolder], extraConfiguration: [
            "limits": ["requestDeadlineSeconds": deadline, "maxConnections": 8],
        ])
        let host = "Host: 127.0.0.1:\(daemon.port)\r\n"
        let auth = "Authorization: Bearer \(daemon.token)\r\n"

        // A body trickled a byte every 200 ms (which resets the 15 s idle timeout each time) is cut
        // with 408 at the deadline.
        let trickle = try RawHTTPConnection(port: daemon.port, receiveTimeout: 0.2)
        let started = Date()
        trickle.send("POST /v1/verify HTTP/1.1\r\n\(host)\(auth)Content-Type: application/json\r\nContent-Length: 60000\r\n\r\n")
        var outcome = RawHTTPConnection.Outcome.timedOut
        while Date().timeIntervalSince(started) < Double(deadline) + 8 {
            trickle.send(" ")
            outcome = trickle.receive()
            if outcome != .timedOut { break }
        }
        let cut = Date().timeIntervalSince(started)
        #expect(RawHTTPConnection.status(outcome) == 408 || outcome == .closed, "\(outcome)")
        #expect(cut >= Double(deadline) - 0.5 && cut < Double(deadline) + 3, "cut after \(cut) s")
        if case .data(let text) = outcome { #expect(text.lowercased().contains("connection: close")) }

        // A flood of 3× the cap, each holding a head that never ends: a well-behaved client waits in
        // the backlog only until the flood is cut at the deadline.
        var flood: [RawHTTPConnection] = []
        for _ in 0..<24 {
            let connection = try RawHTTPConnection(port: daemon.port, receiveTimeout: Double(deadline) * 4)
            connection.send("GET /v1/status HTTP/1.1\r\n\(host)X-Slow: ")
            flood.append(connection)
        }
        let polite = Date()
        let reply = try daemon.request("GET", "/v1/status", timeout: 30)
        let waited = Date().timeIntervalSince(polite)
        #expect(reply.status == 200)
        #expect(waited < Double(deadline) * 4 + 3, "the well-behaved client waited \(waited) s")
        for connection in flood {
            let outcome = connection.receive()
            #expect(outcome != .timedOut, "a flooding connection outlived the deadline")
        }

        // 401 on a request with a body: answered at once with Connection: close, and the connection
        // is closed (not held open reading the 100 kB nobody will use).
        let intruder = try RawHTTPConnection(port: daemon.port, receiveTimeout: Double(deadline) + 3)
        let intruderStart = Date()
        intruder.send("POST /v1/verify HTTP/1.1\r\n\(host)Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{")
        let refused = intruder.receive()
        #expect(RawHTTPConnection.status(refused) == 401, "\(refused)")
        if case .data(let text) = refused { #expect(text.lowercased().contains("connection: close")) }
        #expect(Date().timeIntervalSince(intruderStart) < Double(deadline) + 2)
        #expect(!intruder.send(String(repeating: "x", count: 200_000)) || intruder.receive() == .closed)
        #expect(try daemon.request("GET", "/v1/status").status == 200)
    }

    /// At most `maxEventStreams` event streams; the next one is refused until one closes.
    @Test func hardeningEventStreamCapHolds() throws {
        let daemon = try DaemonProcess(trust: [Self.trustFolder], extraConfiguration: ["limits": ["maxEventStreams": 2]])
        let first = try EventStreamClient(daemon: daemon)
        let second = try EventStreamClient(daemon: daemon)
        let third = try daemon.request("GET", "/v1/events", timeout: 5)
        #expect(third.status == 503 && third.errorCode == "too_many_streams", "\(third.status)")
        first.stop()
        // The server notices the closed stream at its next write (the heartbeat, every 15 s) or at once;
        // two heartbeats of slack for a loaded CI machine.
        let deadline = Date().addingTimeInterval(45)
        var reopened: EventStreamClient?
        while reopened == nil && Date() < deadline {
            reopened = try? EventStreamClient(daemon: daemon)
            if reopened == nil { usleep(500_000) }
        }
        #expect(reopened != nil, "no stream could be opened after one closed")
        second.stop()
        reopened?.stop()
    }

    /// With `maxFaceComparisons: 1`, concurrent comparisons are served one at a time.
    @Test func hardeningFaceComparisonCapHolds() throws {
        let chipPath: String
        let livePath: String
        do {
            chipPath = try Self.facePhoto("chip/obama-jp2-15k.jp2")
            livePath = try Self.facePhoto("live/obama3-1280x720.jpg")
        } catch {
            Self.note("skipped: face photos missing (\(error))")
            return
        }
        let daemon = try DaemonProcess(maxBodyBytes: 8 << 20, trust: [Self.trustFolder],
                                       extraConfiguration: ["limits": ["maxFaceComparisons": 1]])
        let body = try JSONSerialization.data(withJSONObject: [
            "liveImage": try Data(contentsOf: URL(fileURLWithPath: livePath)).base64EncodedString(),
            "chipImage": try Data(contentsOf: URL(fileURLWithPath: chipPath)).base64EncodedString(),
        ])
        let replies = try daemon.concurrentRequests((0..<5).map { _ in ("POST", "/v1/face/compare", body) })
        #expect(replies.allSatisfy { $0.status == 200 }, "\(replies.map(\.status))")
        let metrics = String(decoding: try daemon.request("GET", "/metrics").body, as: UTF8.self)
        #expect(metrics.contains("cccdd_face_comparisons_peak 1"), "\(metrics.split(separator: "\n").filter { $0.contains("face") })")
    }
}

extension PCSCEndToEnd {
    /// Fetch metadata: requests another site's page started are refused (public routes included);
    /// every answer forbids embedding by other sites.
    @Test func hardeningCrossSiteRequestsAreRefused() throws {
        let daemon = try DaemonProcess(trust: [Self.trustFolder])
        for path in ["/healthz", "/", "/v1/status", "/v1/reads/r-1/photo"] {
            for site in ["cross-site", "same-site"] {
                let reply = try daemon.request("GET", path, headers: ["Sec-Fetch-Site: \(site)"])
                #expect(reply.status == 403 && reply.errorCode == "forbidden_origin", "\(path) \(site): \(reply.status)")
            }
            for site in ["same-origin", "none"] {
                let reply = try daemon.request("GET", path, headers: ["Sec-Fetch-Site: \(site)"])
                #expect(reply.status != 403, "\(path) \(site): \(reply.status)")
                #expect(reply.headers.lowercased().contains("cross-origin-resource-policy: same-origin"), "\(path)")
            }
        }
        // A configured origin's CORS request is cross-site and passes.
        let allowed = try daemon.request("GET", "/v1/status", headers: [
            "Origin: https://teller.bank.example", "Sec-Fetch-Site: cross-site",
        ])
        #expect(allowed.status == 200)
    }
}

extension PCSCEndToEnd {
    /// A served path with a method it does not serve: 405 with `Allow`, not 404.
    @Test func hardeningUndeclaredMethodsGet405() throws {
        let daemon = try DaemonProcess(trust: [Self.trustFolder])
        for (method, path, allow) in [("PUT", "/v1/status", "GET, HEAD"), ("DELETE", "/v1/readers/0/read", "POST"),
                                      ("PATCH", "/v1/reads/r-1", "DELETE, GET, HEAD"), ("POST", "/v1/events", "GET, HEAD")] {
            let reply = try daemon.request(method, path)
            #expect(reply.status == 405 && reply.errorCode == "method_not_allowed", "\(method) \(path): \(reply.status)")
            #expect(reply.headers.lowercased().contains("allow: \(allow.lowercased())"), "\(method) \(path): \(reply.headers)")
        }
        #expect(try daemon.request("GET", "/v1/nothing-here").status == 404)
        #expect(try daemon.request("PUT", "/v1/nothing-here").status == 404)
        #expect(try daemon.request("GET", "/v1/status").status == 200)
    }
}
