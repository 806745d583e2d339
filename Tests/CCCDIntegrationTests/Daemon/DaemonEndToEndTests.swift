import CCCDAudit
import CCCDCrypto
import CCCDKit
import CCCDTestSupport
import CCCDVirtualCard
import Foundation
import Testing

/// `cccdd` as integrators run it: the built daemon, pcscd + vpcd + the default data set on the
/// virtual chip, HTTP and Server-Sent Events through curl.
extension PCSCEndToEnd {
    static var trustFolder: String { repositoryRoot.appendingPathComponent("TestVectors/datasets/pki").path }

    /// Personal data of the default data set that must never reach the daemon's log or journal.
    static func personalStrings() throws -> [String] {
        let dg13 = try [UInt8](Data(contentsOf: defaultDataSet.appendingPathComponent("DG13.bin")))
        let citizen = try DG13Parser.parse(dg13)
        let name = try #require(citizen.fullName)
        return [name, "079190012345", "1990-08-15", "900815", "Nguyễn", "NGUYEN"]
    }

    /// The journal's rows (opened read-only, as `cccd audit` does) and a check that neither the rows
    /// nor the database files hold the data set's name, ID or birth date in clear.
    static func auditRows(_ daemon: DaemonProcess) throws -> [AuditEntry] {
        let journal = try AuditJournal(readingAt: daemon.auditPath.path)
        let rows = try journal.entries()
        var bytes = Data()
        for suffix in ["", "-wal", "-journal"] {
            if let data = FileManager.default.contents(atPath: daemon.auditPath.path + suffix) { bytes.append(data) }
        }
        #expect(!bytes.isEmpty)
        let text = String(decoding: bytes, as: UTF8.self)
        try expectNoPersonalData(in: text, "the audit journal file")
        try expectNoPersonalData(in: "\(rows)", "the audit rows")
        return rows
    }

    static func note(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func expectNoPersonalData(in text: String, _ what: String) throws {
        for secret in try personalStrings() {
            #expect(!text.contains(secret), "\(what) contains personal data")
        }
    }

    @Test func daemonReadsTheDefaultDataSetWithEventsAndWipesOnRemoval() async throws {
        let daemon = try DaemonProcess(trust: [Self.trustFolder])
        let idleAndEmpty = { (reader: [String: Any]) in reader["cardPresent"] as? Bool == false && reader["busy"] as? Bool == false }
        let readers = try daemon.waitForReaders(2, timeout: 10, settled: idleAndEmpty)
        #expect(readers.map { $0["name"] as? String } == bed.readerNames.map { $0 as String? })
        #expect(readers.allSatisfy(idleAndEmpty))
        let events = try EventStreamClient(daemon: daemon)

        let connection = VPCDConnection(card: try DataSetChip.load(Self.defaultDataSet), port: bed.basePort)
        try connection.insertSettled()
        var ejected = false
        defer { if !ejected { connection.eject() } }
        _ = try events.waitFor { $0.type == "card-inserted" && $0.data["reader"] == bed.readerNames[0] }
        let status = try #require(try daemon.request("GET", "/v1/status").json)
        #expect(status["service"] as? String == "cccdd")
        #expect(((status["readers"] as? [[String: Any]])?.first?["cardPresent"] as? Bool) == true)

        let reply = try daemon.json("POST", "/v1/readers/0/read", ["access": ["can": "012345"], "sessionId": "counter-1"])
        #expect(reply.status == 200, "\(String(decoding: reply.body, as: UTF8.self)) \(daemon.log)")
        let read = try #require(reply.json)
        #expect(read["sessionId"] as? String == "counter-1")
        #expect(read["reader"] as? String == bed.readerNames[0])
        let readId = try #require(read["readId"] as? String)
        #expect(read["expiresAt"] is String)
        let verification = try #require(read["verification"] as? [String: Any])
        #expect(verification["overall"] as? String == "valid", "\(verification)")
        #expect((verification["passive"] as? [String: Any])?["status"] as? String == "valid")

        // The data set exactly: DG13 parsed, DG1, photo hash; the same object as `cccd verify --json`.
        let dg13 = try [UInt8](Data(contentsOf: Self.defaultDataSet.appendingPathComponent("DG13.bin")))
        let expectedCitizen = try JSONSerialization.jsonObject(with: JSONEncoder().encode(try DG13Parser.parse(dg13)))
        #expect(NSDictionary(dictionary: try #require(read["citizen"] as? [String: Any])).isEqual(to: expectedCitizen as! [String: Any]))
        let verify = try Self.runCLI(["verify", Self.defaultDataSet.path, "--trust", Self.trustFolder, "--json"])
        let offline = try #require(try JSONSerialization.jsonObject(with: verify.stdout) as? [String: Any], "\(verify.stderr)")
        for key in ["document", "holder", "citizen"] {
            #expect(NSDictionary(dictionary: try #require(read[key] as? [String: Any])).isEqual(to: try #require(offline[key] as? [String: Any])), "\(key)")
        }
        let card = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: Self.defaultDataSet.appendingPathComponent("card.json"))) as? [String: Any])
        let photoHash = try #require((card["photo"] as? [String: Any])?["sha256"] as? String)
        #expect((read["photo"] as? [String: Any])?["sha256"] as? String == photoHash)

        // Again by id, and the photo.
        let again = try daemon.request("GET", "/v1/reads/\(readId)")
        #expect(again.status == 200)
        #expect(NSDictionary(dictionary: try #require(again.json)).isEqual(to: read))
        let photo = try daemon.request("GET", "/v1/reads/\(readId)/photo?format=original")
        #expect(photo.status == 200 && photo.headers.lowercased().contains("content-type: image/jpeg"))
        #expect(try HashAlgorithm.sha256.hash([UInt8](photo.body)).map { String(format: "%02x", $0) }.joined() == photoHash)

        Self.note("daemon test: read checked")
        // Events: inserted → started → progress (files with bytes) → finished → removed, no personal data.
        _ = try events.waitFor { $0.type == "read-finished" }
        connection.eject()
        ejected = true
        _ = try events.waitFor { $0.type == "card-removed" && $0.data["reader"] == bed.readerNames[0] }
        let types = events.events.map(\.type)
        let inserted = try #require(types.firstIndex(of: "card-inserted"))
        let started = try #require(types.firstIndex(of: "read-started"))
        let firstProgress = try #require(types.firstIndex(of: "read-progress"))
        let finished = try #require(types.firstIndex(of: "read-finished"))
        let removed = try #require(types.lastIndex(of: "card-removed"))
        #expect(inserted < started && started < firstProgress && firstProgress < finished && finished < removed, "\(types)")
        let fileProgress = events.events.filter { $0.type == "read-progress" && $0.data["file"] == "DG2" }
        #expect(!fileProgress.isEmpty && fileProgress.last?.data["bytesRead"] == fileProgress.last?.data["totalBytes"])
        let finishedEvent = events.events[finished]
        #expect(finishedEvent.data["readId"] == readId && finishedEvent.data["overall"] == "valid"
            && finishedEvent.data["sessionId"] == "counter-1")

        Self.note("daemon test: events checked")
        // Removal wiped the read.
        let gone = try daemon.request("GET", "/v1/reads/\(readId)")
        #expect(gone.status == 404 && gone.errorCode == "read_not_found")
        #expect(try daemon.request("GET", "/v1/reads/\(readId)/photo").status == 404)

        events.stop()
        Self.note("daemon test: event client stopped")
        #expect(daemon.stop() == 0, "graceful shutdown: \(daemon.log)")
        #expect(!daemon.log.contains("PC/SC watchers still running"), "every PC/SC watcher ended before exit")
        Self.note("daemon test: daemon stopped")
        let log = daemon.log
        #expect(log.contains("read finished") && log.contains("counter-1"))
        try Self.expectNoPersonalData(in: log, "the daemon's log")
        try Self.expectNoPersonalData(in: events.rawText, "the event stream")
        let rows = try Self.auditRows(daemon)
        let row = try #require(rows.first { $0.operation == .read })
        #expect(rows.count == 1)
        #expect(row.outcome == "ok" && row.overall == "valid" && row.passive == "valid" && row.reader == bed.readerNames[0])
        #expect(row.idHash.map { hash in hash.count == 64 && hash.allSatisfy { $0.isHexDigit } } == true)
        #expect(row.durationMilliseconds > 0 && row.clientID == "legacy")
    }

    @Test func daemonReadsTwoReadersAtOnceAndExpiresReads() async throws {
        let daemon = try DaemonProcess(readTTLSeconds: 3, trust: [Self.trustFolder])
        _ = try daemon.waitForReaders(2)
        let first = VPCDConnection(card: try DataSetChip.load(Self.defaultDataSet), port: bed.basePort)
        let second = VPCDConnection(card: try DataSetChip.load(Self.defaultDataSet), port: bed.basePort + 1)
        try first.insertSettled()
        defer { first.eject() }
        try second.insertSettled()
        defer { second.eject() }

        let body = Data(#"{"access": {"mrz": "190012345,900815,300815"}}"#.utf8)
        let secondReader = bed.readerNames[1].addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        async let a = Task.detached { try daemon.request("POST", "/v1/readers/0/read", body: body) }.value
        async let b = Task.detached { try daemon.request("POST", "/v1/readers/\(secondReader)/read", body: body) }.value
        let (ra, rb) = try await (a, b)
        #expect(ra.status == 200 && rb.status == 200, "\(String(decoding: ra.body, as: UTF8.self)) \(String(decoding: rb.body, as: UTF8.self))")
        #expect(ra.json?["reader"] as? String == bed.readerNames[0] && rb.json?["reader"] as? String == bed.readerNames[1])
        for reply in [ra, rb] {
            #expect((reply.json?["verification"] as? [String: Any])?["overall"] as? String == "valid")
        }
        // The two reads overlapped: each daemon log line pair shows both started before either finished.
        let log = daemon.log
        let startedLines = log.components(separatedBy: "\n").enumerated().filter { $0.element.contains("read started") }.map(\.offset)
        let finishedLines = log.components(separatedBy: "\n").enumerated().filter { $0.element.contains("read finished") }.map(\.offset)
        #expect(startedLines.count == 2 && finishedLines.count == 2 && startedLines.max()! < finishedLines.min()!, "\(log)")

        let ids = [ra, rb].compactMap { $0.json?["readId"] as? String }
        #expect(ids.count == 2)
        for id in ids { #expect(try daemon.request("GET", "/v1/reads/\(id)").status == 200) }
        try await Task.sleep(for: .milliseconds(3500))
        for id in ids {
            let expired = try daemon.request("GET", "/v1/reads/\(id)")
            #expect(expired.status == 404 && expired.errorCode == "read_not_found")
        }
        #expect(daemon.stop() == 0)
        try Self.expectNoPersonalData(in: daemon.log, "the daemon's log")
        // Two rows, and the same card gives the same salted hash.
        let rows = try Self.auditRows(daemon).filter { $0.operation == .read }
        #expect(rows.count == 2 && rows.allSatisfy { $0.outcome == "ok" && $0.overall == "valid" })
        #expect(Set(rows.compactMap(\.idHash)).count == 1)
    }

    @Test func daemonRefusesWhatItMust() async throws {
        let daemon = try DaemonProcess(maxBodyBytes: 4096, trust: [Self.trustFolder])
        _ = try daemon.waitForReaders(2)

        // No token, a wrong token: 401 everywhere but /healthz.
        #expect(try daemon.request("GET", "/healthz", token: .some(nil)).status == 200)
        for path in ["/v1/status", "/v1/readers", "/v1/events", "/metrics", "/v1/openapi.json", "/v1/reads/x"] {
            let reply = try daemon.request("GET", path, token: .some(nil), timeout: 5)
            #expect(reply.status == 401 && reply.errorCode == "unauthorized", "\(path)")
        }
        #expect(try daemon.request("GET", "/v1/status", token: .some(String(repeating: "0", count: 64))).errorCode == "unauthorized")
        #expect(try daemon.request("POST", "/v1/readers/0/read", token: .some(nil), body: Data("{}".utf8)).status == 401)

        // A foreign Origin: 403; the configured one gets CORS headers and preflights.
        let foreign = try daemon.request("GET", "/v1/status", headers: ["Origin: https://evil.example"])
        #expect(foreign.status == 403 && foreign.errorCode == "forbidden_origin")
        let allowed = try daemon.request("GET", "/v1/status", headers: ["Origin: https://teller.bank.example"])
        #expect(allowed.status == 200 && allowed.headers.lowercased().contains("access-control-allow-origin: https://teller.bank.example"))
        #expect(!foreign.headers.lowercased().contains("access-control-allow-origin"))
        let preflight = try daemon.request("OPTIONS", "/v1/readers/0/read", token: .some(nil), headers: [
            "Origin: https://teller.bank.example", "Access-Control-Request-Method: POST",
            "Access-Control-Request-Headers: authorization, content-type",
        ])
        #expect(preflight.status == 204 && preflight.headers.lowercased().contains("access-control-allow-headers: authorization"))
        let foreignPreflight = try daemon.request("OPTIONS", "/v1/readers/0/read", token: .some(nil), headers: [
            "Origin: https://evil.example", "Access-Control-Request-Method: POST",
        ])
        #expect(foreignPreflight.status == 403)
        #expect(try daemon.request("GET", "/v1/status", headers: ["Origin: http://127.0.0.1:\(daemon.port)"]).status == 200)

        // DNS rebinding: a Host that is not the daemon's.
        for host in ["evil.example:\(daemon.port)", "evil.example", "127.0.0.1:1"] {
            let rebound = try daemon.request("GET", "/v1/status", headers: ["Host: \(host)"])
            #expect(rebound.status == 403 && rebound.errorCode == "forbidden_host", "\(host)")
        }
        #expect(try daemon.request("GET", "/healthz", token: .some(nil), headers: ["Host: evil.example:\(daemon.port)"]).status == 403)
        #expect(try daemon.request("GET", "/v1/status", headers: ["Host: localhost:\(daemon.port)"]).status == 200)

        // Oversized, malformed, wrong type, unknown ids.
        let big = try daemon.request("POST", "/v1/verify", body: Data(repeating: 0x41, count: 64 * 1024))
        #expect(big.status == 413 && big.errorCode == "payload_too_large")
        let malformed = try daemon.request("POST", "/v1/readers/0/read", body: Data(#"{"access": {"can": "012345""#.utf8))
        #expect(malformed.status == 400 && malformed.errorCode == "invalid_request")
        let badKey = try daemon.json("POST", "/v1/readers/0/read", ["access": ["can": "12a456"]])
        #expect(badKey.status == 400 && badKey.errorCode == "invalid_request")
        let textPlain = try daemon.request("POST", "/v1/readers/0/read", body: Data(#"{"access": {"can": "012345"}}"#.utf8), contentType: "text/plain")
        #expect(textPlain.status == 415 && textPlain.errorCode == "unsupported_media_type")
        #expect(try daemon.request("GET", "/v1/reads/unknown").errorCode == "read_not_found")
        #expect(try daemon.request("DELETE", "/v1/reads/unknown").status == 404)
        #expect(try daemon.request("POST", "/v1/sessions/nope/cancel").errorCode == "session_not_found")
        #expect(try daemon.json("POST", "/v1/readers/7/read", ["access": ["can": "012345"]]).errorCode == "reader_not_found")
        #expect(try daemon.request("GET", "/v1/nothing").errorCode == "not_found")

        // One read per reader: a second one is 409; cancelling the first ends it with 409 cancelled.
        let waiting = Task.detached {
            try daemon.json("POST", "/v1/readers/1/read", ["access": ["can": "012345"], "options": ["timeoutSeconds": 20], "sessionId": "wait-1"])
        }
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline,
              try (daemon.request("GET", "/v1/readers").json?["readers"] as? [[String: Any]])?.last?["busy"] as? Bool != true
        {
            usleep(50_000)
        }
        let busy = try daemon.json("POST", "/v1/readers/1/read", ["access": ["can": "012345"]])
        #expect(busy.status == 409 && busy.errorCode == "reader_busy")
        let cancel = try daemon.request("POST", "/v1/sessions/wait-1/cancel")
        #expect(cancel.status == 202 && cancel.json?["cancelled"] as? Bool == true)
        let cancelled = try await waiting.value
        #expect(cancelled.status == 409 && cancelled.errorCode == "cancelled", "\(String(decoding: cancelled.body, as: UTF8.self))")

        // No card within the timeout: 422 no_card.
        let noCard = try daemon.json("POST", "/v1/readers/1/read", ["access": ["can": "012345"], "options": ["timeoutSeconds": 0.5]])
        #expect(noCard.status == 422 && noCard.errorCode == "no_card")

        // /metrics counts them, without personal data.
        let metrics = try daemon.request("GET", "/metrics")
        #expect(metrics.status == 200 && String(decoding: metrics.body, as: UTF8.self).contains("cccdd_reads_total"))
        #expect(daemon.stop() == 0)
    }
}
