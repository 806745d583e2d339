import CCCDTestSupport
import CCCDVirtualCard
import Foundation
import Testing

/// Abuse of the daemon's API (issue #8, item 4): missing and wrong tokens, foreign origins,
/// rebinding hosts, slow and stalled clients, oversized heads and bodies, bad and hostile images,
/// path traversal, concurrent reads on one reader. Every case must end in the documented error,
/// never a crash, a hang of other clients or data served.
extension PCSCEndToEnd {
    /// Every route that needs the token, with a body where it takes one.
    static let protectedRoutes: [(method: String, path: String, body: String?)] = [
        ("GET", "/v1/status", nil), ("GET", "/v1/readers", nil),
        ("POST", "/v1/readers/0/read", #"{"access":{"can":"012345"}}"#),
        ("GET", "/v1/reads/r-123", nil), ("DELETE", "/v1/reads/r-123", nil), ("GET", "/v1/reads/r-123/photo", nil),
        ("POST", "/v1/face/compare", #"{"liveImage":"AAAA","chipImage":"AAAA"}"#),
        ("POST", "/v1/verify", #"{"files":{"EF.SOD":"AAAA"}}"#), ("POST", "/v1/sessions/s-1/cancel", nil),
        ("GET", "/v1/events", nil), ("GET", "/metrics", nil), ("GET", "/v1/openapi.json", nil),
    ]

    @Test func abuseMissingOrWrongTokensAreRefusedOnEveryRoute() throws {
        let daemon = try DaemonProcess(trust: [Self.trustFolder])
        let wrongTokens: [String?] = [
            nil, "", String(repeating: "0", count: 64), String(daemon.token.dropLast()), daemon.token + "0",
            daemon.token.uppercased() == daemon.token ? daemon.token.lowercased() : daemon.token.uppercased(),
        ]
        for route in Self.protectedRoutes {
            for token in wrongTokens {
                let reply = try daemon.request(
                    route.method, route.path, token: .some(token), body: route.body.map { Data($0.utf8) }, timeout: 10)
                #expect(reply.status == 401, "\(route.method) \(route.path) token \(token?.count ?? -1) chars")
                #expect(reply.errorCode == "unauthorized", "\(route.method) \(route.path)")
            }
            // Other schemes carrying the right token are not a bearer token.
            for header in ["Authorization: Basic \(Data("cccdd:\(daemon.token)".utf8).base64EncodedString())",
                           "Authorization: \(daemon.token)", "Authorization: Bearer  \(daemon.token) x"] {
                let reply = try daemon.request(route.method, route.path, token: .some(nil), headers: [header],
                                               body: route.body.map { Data($0.utf8) }, timeout: 10)
                #expect(reply.status == 401, "\(route.path) with \(header.prefix(24))")
            }
            // The token in the query string is not accepted either.
            let query = try daemon.request(route.method, route.path + "?access_token=\(daemon.token)", token: .some(nil),
                                           body: route.body.map { Data($0.utf8) }, timeout: 10)
            #expect(query.status == 401, "\(route.path)?access_token")
        }
        #expect(try daemon.request("GET", "/healthz", token: .some(nil)).status == 200)
        #expect(try daemon.request("GET", "/v1/status").status == 200)
        try Self.expectNoTokenIn(daemon)
    }

    static func expectNoTokenIn(_ daemon: DaemonProcess) throws {
        #expect(!daemon.log.contains(daemon.token), "the log holds the token")
    }

    @Test func abuseForeignOriginsAndRebindingHostsAreRefused() throws {
        let daemon = try DaemonProcess(trust: [Self.trustFolder])
        for origin in ["https://evil.example", "null", "http://127.0.0.1.evil.example", "https://teller.bank.example.evil.example",
                       "http://localhost:1", "file://"] {
            let reply = try daemon.request("GET", "/v1/status", headers: ["Origin: \(origin)"])
            #expect(reply.status == 403, "Origin \(origin)")
            #expect(reply.errorCode == "forbidden_origin", "Origin \(origin)")
            #expect(!reply.headers.lowercased().contains("access-control-allow-origin"), "Origin \(origin)")
            // A preflight from it gets no CORS grant.
            let preflight = try daemon.request("OPTIONS", "/v1/readers/0/read", token: .some(nil), headers: [
                "Origin: \(origin)", "Access-Control-Request-Method: POST",
                "Access-Control-Request-Headers: authorization, content-type",
            ])
            #expect(!preflight.headers.lowercased().contains("access-control-allow-origin"), "preflight from \(origin)")
        }
        let allowed = try daemon.request("GET", "/v1/status", headers: ["Origin: https://teller.bank.example"])
        #expect(allowed.status == 200)
        #expect(allowed.headers.lowercased().contains("access-control-allow-origin: https://teller.bank.example"))

        for host in ["evil.example", "evil.example:\(daemon.port)", "127.0.0.1.evil.example:\(daemon.port)",
                     "localhost.evil.example:\(daemon.port)", "0x7f.1:\(daemon.port)", "127.0.0.1:\(daemon.port + 1)",
                     "[::ffff:7f00:1]:\(daemon.port)"] {
            let reply = try daemon.request("GET", "/v1/status", headers: ["Host: \(host)"])
            #expect(reply.status == 403, "Host \(host)")
            #expect(reply.errorCode == "forbidden_host", "Host \(host)")
        }
        // No Host at all (HTTP/1.1 requires one): refused, not served.
        let connection = try RawHTTPConnection(port: daemon.port)
        connection.send("GET /v1/status HTTP/1.1\r\nAuthorization: Bearer \(daemon.token)\r\nConnection: close\r\n\r\n")
        let status = RawHTTPConnection.status(connection.receive())
        #expect(status.map { (400..<500).contains($0) } ?? true, "no Host: \(String(describing: status))")
        for host in ["127.0.0.1:\(daemon.port)", "localhost:\(daemon.port)"] {
            #expect(try daemon.request("GET", "/v1/status", headers: ["Host: \(host)"]).status == 200, "Host \(host)")
        }
    }

    /// Slow-loris: stalled heads and bodies trickled a byte at a time hold no one else up, and a
    /// connection that sends nothing more is closed by the daemon.
    @Test func abuseSlowClientsDoNotBlockOthersAndStalledConnectionsAreClosed() async throws {
        let daemon = try DaemonProcess(trust: [Self.trustFolder])
        var stalled: [RawHTTPConnection] = []
        for i in 0..<64 {
            let connection = try RawHTTPConnection(port: daemon.port)
            if i % 2 == 0 {
                // A head that never ends.
                connection.send("GET /v1/status HTTP/1.1\r\nHost: 127.0.0.1:\(daemon.port)\r\nX-Slow: ")
            } else {
                // A complete head, then a body that stops after 10 of the 1000 bytes announced.
                connection.send("POST /v1/verify HTTP/1.1\r\nHost: 127.0.0.1:\(daemon.port)\r\nAuthorization: Bearer \(daemon.token)\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"files\":{")
            }
            stalled.append(connection)
        }
        let trickle = try RawHTTPConnection(port: daemon.port)
        trickle.send("POST /v1/verify HTTP/1.1\r\nHost: 127.0.0.1:\(daemon.port)\r\nAuthorization: Bearer \(daemon.token)\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n")
        let trickling = Task.detached {
            for _ in 0..<20 {
                trickle.send(" ")
                try? await Task.sleep(for: .milliseconds(250))
            }
        }
        // Meanwhile other clients are served at once.
        for _ in 0..<10 {
            let started = Date()
            let reply = try daemon.request("GET", "/v1/status", timeout: 10)
            #expect(reply.status == 200)
            #expect(Date().timeIntervalSince(started) < 3, "a status request waited behind slow clients")
        }
        await trickling.value

        // The stalled ones are closed (or answered 408) within the idle timeout plus a margin.
        let deadline = Date().addingTimeInterval(Double(Self.daemonIdleTimeoutSeconds) + 15)
        for connection in stalled {
            connection.setReceiveTimeout(max(0.1, deadline.timeIntervalSinceNow))
            let outcome = connection.receive()
            #expect(outcome != .timedOut, "a stalled connection was still open after the idle timeout")
            if let status = RawHTTPConnection.status(outcome) { #expect(status >= 400) }
        }
        #expect(try daemon.request("GET", "/v1/status").status == 200)
    }

    /// The idle timeout the daemon is built with (DaemonApplication).
    static let daemonIdleTimeoutSeconds = 15

    @Test func abuseHugeHeadsAndBodiesAreRefused() throws {
        let daemon = try DaemonProcess(maxBodyBytes: 65536, trust: [Self.trustFolder])
        func expectRefusedHead(_ head: String, _ what: String) throws {
            let connection = try RawHTTPConnection(port: daemon.port, receiveTimeout: 10)
            connection.send(head)
            let outcome = connection.receive()
            #expect(outcome != .timedOut, "\(what): no answer")
            if let status = RawHTTPConnection.status(outcome) {
                #expect((400..<500).contains(status), "\(what): \(status)")
            }
        }
        let auth = "Authorization: Bearer \(daemon.token)\r\n"
        try expectRefusedHead("GET /v1/status HTTP/1.1\r\nHost: 127.0.0.1:\(daemon.port)\r\n\(auth)X-Big: \(String(repeating: "a", count: 200_000))\r\n\r\n", "one 200 kB header")
        try expectRefusedHead("GET /v1/status HTTP/1.1\r\nHost: 127.0.0.1:\(daemon.port)\r\n\(auth)" + (0..<5000).map { "X-H\($0): v\r\n" }.joined() + "\r\n", "5000 headers")
        try expectRefusedHead("GET /v1/\(String(repeating: "a", count: 200_000)) HTTP/1.1\r\nHost: 127.0.0.1:\(daemon.port)\r\n\(auth)\r\n", "a 200 kB path")

        // A declared length over the limit is refused before the body is sent.
        let liar = try RawHTTPConnection(port: daemon.port, receiveTimeout: 5)
        liar.send("POST /v1/verify HTTP/1.1\r\nHost: 127.0.0.1:\(daemon.port)\r\n\(auth)Content-Type: application/json\r\nContent-Length: 10000000000\r\n\r\n{")
        #expect(RawHTTPConnection.status(liar.receive()) == 413)

        // A body over the limit, with a length and chunked without one.
        let big = Data(#"{"files":{"EF.SOD":""#.utf8) + Data(repeating: UInt8(ascii: "A"), count: 200_000) + Data(#""}}"#.utf8)
        let sized = try daemon.request("POST", "/v1/verify", body: big)
        #expect(sized.status == 413 && sized.errorCode == "payload_too_large")
        let chunked = try daemon.request("POST", "/v1/verify", headers: ["Transfer-Encoding: chunked"], body: big)
        #expect(chunked.status == 413 && chunked.errorCode == "payload_too_large", "chunked: \(chunked.status) \(String(decoding: chunked.body.prefix(300), as: UTF8.self)) \(chunked.headers)")
        let face = try daemon.request("POST", "/v1/face/compare", body: big)
        #expect(face.status == 413)

        // Malformed JSON, wrong types, unknown keys, wrong media type.
        for body in ["{", "[]", "null", #"{"access":{"can":12345}}"#, #"{"access":{"can":"012345"},"extra":1}"#,
                     #"{"access":{"can":"012345","mrz":"A,B,C"}}"#, String(repeating: "[", count: 30_000)] {
            let reply = try daemon.request("POST", "/v1/readers/0/read", body: Data(body.utf8))
            #expect(reply.status == 400 && reply.errorCode == "invalid_request", "\(body.prefix(40))")
        }
        let form = try daemon.request("POST", "/v1/readers/0/read", body: Data("access=1".utf8),
                                      contentType: "application/x-www-form-urlencoded")
        #expect(form.status == 415 && form.errorCode == "unsupported_media_type")
        #expect(try daemon.request("GET", "/v1/status").status == 200)
    }

    @Test func abuseBadAndHostileImagesGetFaceOrRequestErrors() throws {
        let daemon = try DaemonProcess(maxBodyBytes: 8 << 20, trust: [Self.trustFolder])
        let jpeg = try Self.chipJPEG()
        func compare(_ live: String, _ chip: String) throws -> DaemonProcess.Reply {
            try daemon.request("POST", "/v1/face/compare",
                               body: JSONSerialization.data(withJSONObject: ["liveImage": live, "chipImage": chip]), timeout: 60)
        }
        let good = jpeg.base64EncodedString()
        // Not base64 at all, or empty after decoding.
        for bad in ["", "%%%%", "!!!!****", "data:image/png;base64,"] {
            let reply = try compare(bad, good)
            #expect(reply.status == 400 && reply.errorCode == "invalid_request", "liveImage \(bad)")
        }
        // Base64 of bytes that are no image, or a truncated one.
        for bytes in [Data("hello".utf8), jpeg.prefix(200), Data(repeating: 0xFF, count: 5000)] {
            let reply = try compare(bytes.base64EncodedString(), good)
            #expect(reply.status == 422 && reply.errorCode == "face_error", "\(bytes.prefix(8) as NSData)")
        }
        // Decompression bombs: headers announcing 30000 × 30000 pixels (2.7 GB of RGB).
        let bombs = [("PNG", try Self.pngBomb(width: 30000, height: 30000)), ("JPEG", try Self.jpegWithSize(jpeg, 30000, 30000))]
        for (name, bomb) in bombs {
            let started = Date()
            let live = try compare(bomb.base64EncodedString(), good)
            #expect(live.status == 422 && live.errorCode == "face_error", "\(name) bomb as live image")
            let chip = try compare(good, bomb.base64EncodedString())
            #expect(chip.status == 422 && chip.errorCode == "face_error", "\(name) bomb as chip image")
            #expect(Date().timeIntervalSince(started) < 30, "\(name) bomb took long")
        }
        #expect(daemon.residentMegabytes() < 1000, "RSS \(daemon.residentMegabytes()) MB after the bombs")
        #expect(try daemon.request("GET", "/v1/status").status == 200)
    }

    /// The data set's chip photo (JPEG inside DG2).
    static func chipJPEG() throws -> Data {
        let dg2 = try Data(contentsOf: defaultDataSet.appendingPathComponent("DG2.bin"))
        let start = try #require(dg2.firstRange(of: Data([0xFF, 0xD8, 0xFF])))
        return Data(dg2[start.lowerBound...])
    }

    /// The JPEG with its SOF frame size patched (the header lies; the data is a small image's).
    static func jpegWithSize(_ jpeg: Data, _ width: Int, _ height: Int) throws -> Data {
        var bytes = [UInt8](jpeg)
        var i = 2
        while i + 9 < bytes.count {
            guard bytes[i] == 0xFF else { break }
            let marker = bytes[i + 1]
            let length = Int(bytes[i + 2]) << 8 | Int(bytes[i + 3])
            if (0xC0...0xC3).contains(marker) {
                bytes[i + 5] = UInt8(height >> 8); bytes[i + 6] = UInt8(height & 0xFF)
                bytes[i + 7] = UInt8(width >> 8); bytes[i + 8] = UInt8(width & 0xFF)
                return Data(bytes)
            }
            i += 2 + length
        }
        throw DaemonTestError.timeout("no SOF marker in the chip JPEG")
    }

    /// A well-formed PNG (valid CRCs, built by Python's zlib) whose IHDR claims `width × height`
    /// RGB pixels, with one compressed row of data.
    static func pngBomb(width: Int, height: Int) throws -> Data {
        let script = """
            import struct, sys, zlib
            def chunk(kind, data):
                return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
            w, h = int(sys.argv[1]), int(sys.argv[2])
            rows = zlib.compress(b"\\x00" + b"\\x00" * (w * 3) * 1, 9)
            sys.stdout.buffer.write(b"\\x89PNG\\r\\n\\x1a\\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                                    + chunk(b"IDAT", rows) + chunk(b"IEND", b""))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script, "\(width)", "\(height)"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0 && data.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        return data
    }

    @Test func abusePathTraversalFindsNothing() throws {
        let daemon = try DaemonProcess(trust: [Self.trustFolder])
        let secret = "root:x:0:0"
        for path in ["/v1/reads/..%2F..%2F..%2F..%2Fetc%2Fpasswd", "/v1/reads/../../../../etc/passwd",
                     "/v1/reads/%2e%2e/%2e%2e/etc/passwd/photo", "/ui/../../../../etc/passwd", "/ui/..%2F..%2F..%2Fetc%2Fpasswd",
                     "/ui/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/ui/....//....//etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
                     "/v1/readers/..%2F..%2Fetc%2Fpasswd", "/v1/openapi.json/../../../../etc/passwd"] {
            for method in ["GET", "DELETE"] {
                let reply = try daemon.requestPathAsIs(method, path)
                #expect(!String(decoding: reply.body, as: UTF8.self).contains(secret), "\(method) \(path) served /etc/passwd")
                #expect((400..<500).contains(reply.status), "\(method) \(path): \(reply.status)")
            }
        }
        let read = try daemon.json("POST", "/v1/readers/..%2F..%2Fetc%2Fpasswd/read", ["access": ["can": "012345"]])
        #expect(read.status == 404 && read.errorCode == "reader_not_found")
        for name in ["../../../../etc/passwd", "/etc/passwd", "DG1/../../x", "EF.SOD\u{0}", "..", "DG1.bin"] {
            let reply = try daemon.json("POST", "/v1/verify", ["files": [name: "AAAA", "EF.SOD": "AAAA"]])
            #expect(reply.status == 400 && reply.errorCode == "invalid_request", "file name \(name)")
        }
        let cancel = try daemon.request("POST", "/v1/sessions/..%2F..%2Fx/cancel")
        #expect(cancel.status == 404 || cancel.status == 400)
    }

    /// Several clients read the same reader at once: exactly one read runs, the others get 409.
    @Test func abuseConcurrentReadsOnOneReaderOneWinsOthersBusy() throws {
        let daemon = try DaemonProcess(trust: [Self.trustFolder])
        _ = try daemon.waitForReaders(1)
        // A card that answers every DG2 read after 400 ms keeps each read running for about a second, so
        // the five requests (one curl process each, started one after another) surely overlap it; a
        // read of the plain card (~30 ms) could end before the last curl has started.
        let card = try DataSetChip.load(Self.defaultDataSet)
        card.installFaults([
            CardFault(FaultTrigger(command: .readBinary, file: try #require(FaultFile(name: "DG2")), occurrence: 1, repeat: true),
                      .delay(.milliseconds(400)))
        ])
        let connection = VPCDConnection(card: card, port: bed.basePort)
        try connection.insertSettled()
        defer { connection.eject() }
        for round in 0..<2 {
            let body = Data(#"{"access":{"can":"012345"}}"#.utf8)
            let replies = try daemon.concurrentRequests(
                (0..<5).map { _ in ("POST", "/v1/readers/0/read", body) })
            let statuses = replies.map(\.status)
            #expect(statuses.filter { $0 == 200 }.count == 1, "round \(round): \(statuses)")
            #expect(statuses.filter { $0 == 409 }.count == 4, "round \(round): \(statuses)")
            #expect(replies.filter { $0.status == 409 }.allSatisfy { $0.errorCode == "reader_busy" })
            let winner = try #require(replies.first { $0.status == 200 }?.json)
            #expect((winner["verification"] as? [String: Any])?["overall"] as? String == "valid")
            // The reader is free again afterwards.
            let readers = try #require(try daemon.request("GET", "/v1/readers").json?["readers"] as? [[String: Any]])
            #expect(readers.first?["busy"] as? Bool == false)
        }
        try Self.expectNoPersonalData(in: daemon.log, "the daemon's log")
    }
}

extension DaemonProcess {
    /// Requests started together (one curl process each, all running at once), answered in order.
    func concurrentRequests(_ requests: [(method: String, path: String, body: Data?)]) throws -> [Reply] {
        var running: [(Process, URL, Pipe)] = []
        for (i, request) in requests.enumerated() {
            let bodyFile = folder.appendingPathComponent("concurrent-\(i)-\(UUID().uuidString)")
            var arguments = ["-s", "-X", request.method, "-o", bodyFile.path, "-w", "%{http_code}", "--max-time", "120",
                             "-H", "Authorization: Bearer \(token)"]
            if let body = request.body {
                // From a file: a face image in base64 is longer than a command line may be.
                let requestFile = folder.appendingPathComponent("concurrent-body-\(i)-\(UUID().uuidString)")
                try body.write(to: requestFile)
                arguments += ["-H", "Content-Type: application/json", "--data-binary", "@\(requestFile.path)"]
            }
            arguments.append("http://127.0.0.1:\(port)\(request.path)")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
            process.arguments = arguments
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            running.append((process, bodyFile, out))
        }
        for (process, _, _) in running { try process.run() }
        return running.map { process, bodyFile, out in
            let code = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            defer { try? FileManager.default.removeItem(at: bodyFile) }
            return Reply(status: Int(String(decoding: code, as: UTF8.self)) ?? -1,
                         body: (try? Data(contentsOf: bodyFile)) ?? Data(), headers: "")
        }
    }

    /// A request whose path curl sends exactly as written (no `..` folding).
    func requestPathAsIs(_ method: String, _ path: String) throws -> Reply {
        let bodyFile = folder.appendingPathComponent("raw-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: bodyFile) }
        let code = try Self.curl(port: port, [
            "-s", "--path-as-is", "-X", method, "-o", bodyFile.path, "-w", "%{http_code}", "--max-time", "10",
            "-H", "Authorization: Bearer \(token)", "http://127.0.0.1:\(port)\(path)",
        ])
        return Reply(status: Int(String(decoding: code, as: UTF8.self)) ?? -1,
                     body: (try? Data(contentsOf: bodyFile)) ?? Data(), headers: "")
    }

    /// The daemon's pid: the process whose command line names this test's configuration file.
    var pid: Int32? {
        let configuration = folder.appendingPathComponent("cccdd.json").path
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = Int32(entry),
                  let cmdline = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { continue }
            let arguments = cmdline.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            if arguments.first?.hasSuffix("/cccdd") == true, arguments.contains(configuration) { return pid }
        }
        return nil
    }

    /// VmRSS of the daemon in MB.
    func residentMegabytes() -> Double {
        guard let pid, let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kB = Double(line.split(separator: " ", omittingEmptySubsequences: true)[1]) else { return .nan }
        return kB / 1024
    }
}
