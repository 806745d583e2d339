import CCCDKit
import CCCDTestSupport
import CCCDVirtualCard
import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The teller page as a teller uses it: the built `cccdd` (trusting the test PKI) with the default
/// data set on the virtual card behind pcscd + vpcd, the page loaded in headless Chromium
/// (scripts/teller-page-browser.py, installed by scripts/setup.sh) and driven through its automation
/// fragment to a finished read; then the card is removed and the page must wipe itself.
extension PCSCEndToEnd {
    @Test func tellerPageReadsShowsAndWipesInHeadlessChromium() async throws {
        let driverScript = Self.repositoryRoot.appendingPathComponent("scripts/teller-page-browser.py")
        for tool in ["/usr/bin/chromium", "/usr/bin/chromedriver", "/usr/bin/python3"] {
            try #require(FileManager.default.isExecutableFile(atPath: tool), "\(tool) missing: run scripts/setup.sh")
        }

        let card = try DataSetChip.load(Self.defaultDataSet)
        let connection = VPCDConnection(card: card, port: bed.basePort)
        try connection.insertSettled()
        defer { connection.eject() }

        let work = FileManager.default.temporaryDirectory.appendingPathComponent("cccd-teller-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let daemon = try await TellerPageDaemon.start(
            in: work, trust: Self.repositoryRoot.appendingPathComponent("TestVectors/datasets/pki").path)
        defer { daemon.stop() }

        // The static page: no token needed, strict CSP, right content types; the API still needs the token.
        let index = try await daemon.get("/")
        #expect(index.status == 200)
        #expect(index.headers["Content-Type"] == "text/html; charset=utf-8")
        #expect(index.headers["Content-Security-Policy"]?.contains("default-src 'self'") == true)
        #expect(index.headers["X-Content-Type-Options"] == "nosniff")
        #expect(try await daemon.get("/ui/app.js").headers["Content-Type"] == "text/javascript; charset=utf-8")
        #expect(try await daemon.get("/ui/..%2FPackage.swift").status == 404)
        #expect(try await daemon.get("/v1/readers").status == 401)
        #expect(try await daemon.get("/", host: "rebound.example:\(daemon.port)").status == 403)

        let screenshot = Self.testOutputFolder.appendingPathComponent("teller-page.png")
        try? FileManager.default.removeItem(at: screenshot)
        let browser = Process()
        browser.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        browser.arguments = [
            driverScript.path, "--url", "http://127.0.0.1:\(daemon.port)/", "--token-file", daemon.tokenFile.path,
            "--can", "012345", "--reader", "0", "--screenshot", screenshot.path, "--timeout", "90", "--wait-wipe", "30",
        ]
        let output = Pipe()
        browser.standardOutput = output
        try browser.run()
        let lines = LineReader(output.fileHandleForReading)

        // 1. The finished read as the page shows it.
        let shownLine = try #require(lines.next(), "the browser driver printed nothing")
        let shown = try #require(try JSONSerialization.jsonObject(with: Data(shownLine.utf8)) as? [String: Any], "\(shownLine)")
        print("teller page screenshot: \(screenshot.path)")
        #expect(shown["driverError"] == nil, "\(shownLine)")
        #expect(shown["state"] as? String == "done", "\(shownLine)")
        #expect(shown["error"] is NSNull, "\(shownLine)")

        let dg13 = try [UInt8](Data(contentsOf: Self.defaultDataSet.appendingPathComponent("DG13.bin")))
        let citizen = try DG13Parser.parse(dg13)
        let fullName = try #require(citizen.fullName)
        #expect(fullName.unicodeScalars.contains { !$0.isASCII }, "the data set's name has diacritics")
        #expect(shown["fullName"] as? String == fullName)
        #expect(shown["idNumber"] as? String == citizen.personalNumber)
        let fields = try #require(shown["fields"] as? [String: String])
        #expect(fields["placeOfResidence"] == citizen.placeOfResidence)
        #expect(fields["placeOfOrigin"] == citizen.placeOfOrigin)
        #expect(fields["fatherName"] == citizen.fatherName && fields["motherName"] == citizen.motherName)
        #expect(fields["sex"] == citizen.sex)

        #expect(shown["overall"] as? String == "valid")
        #expect((shown["overallText"] as? String)?.hasPrefix("Hợp lệ") == true, "\(shown["overallText"] ?? "")")
        #expect(shown["checks"] as? [String: String] == ["passive": "valid", "active": "valid", "chip": "valid"])

        let description = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: Self.defaultDataSet.appendingPathComponent("card.json")))
                as? [String: Any])
        let photoFacts = try #require(description["photo"] as? [String: Any])
        let photo = try #require(shown["photo"] as? [String: Any])
        #expect(photo["loaded"] as? Bool == true && photo["shown"] as? Bool == true)
        #expect((photo["naturalWidth"] as? Int ?? 0) > 0)
        #expect(photo["naturalWidth"] as? Int == photoFacts["width"] as? Int)
        #expect(photo["naturalHeight"] as? Int == photoFacts["height"] as? Int)
        // No Content-Security-Policy violation, failed request or script error in the console.
        #expect((shown["consoleErrors"] as? [String])?.isEmpty == true, "\(shown["consoleErrors"] ?? "")")

        let png = try Data(contentsOf: screenshot)
        #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) && png.count > 20_000)
        let readId = try #require(shown["readId"] as? String)
        #expect(try await daemon.get("/v1/reads/\(readId)", authorized: true).status == 200)

        // 2. The card leaves the reader: the daemon drops the read and the page wipes what it shows.
        connection.eject()
        let wipedLine = try #require(lines.next(), "the browser driver stopped before the wipe")
        let wiped = try #require(try JSONSerialization.jsonObject(with: Data(wipedLine.utf8)) as? [String: Any], "\(wipedLine)")
        #expect(wiped["wiped"] as? String == "removed", "\(wipedLine)")
        #expect(wiped["fullName"] as? String == "" && wiped["photoShown"] as? Bool == false && wiped["fieldCount"] as? Int == 0)
        #expect(try await daemon.get("/v1/reads/\(readId)", authorized: true).status == 404)

        browser.waitUntilExit()
        #expect(browser.terminationStatus == 0)
        // The daemon's log never names the holder.
        let log = daemon.log()
        #expect(!log.contains(fullName) && !log.contains(citizen.personalNumber ?? "079190012345"))
    }

    /// `$CCCD_TEST_OUTPUT`, else `.build/test-output` in the repository.
    static var testOutputFolder: URL {
        let folder = ProcessInfo.processInfo.environment["CCCD_TEST_OUTPUT"].map { URL(fileURLWithPath: $0) }
            ?? repositoryRoot.appendingPathComponent(".build/test-output")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}

/// The built `cccdd` on a free loopback port with a configuration in `folder`.
private final class TellerPageDaemon: @unchecked Sendable {
    let process: Process
    let port: Int
    let tokenFile: URL
    let logFile: URL
    private(set) var token = ""

    private init(process: Process, port: Int, tokenFile: URL, logFile: URL) {
        self.process = process
        self.port = port
        self.tokenFile = tokenFile
        self.logFile = logFile
    }

    static func start(in folder: URL, trust: String) async throws -> TellerPageDaemon {
        let port = try freeLoopbackPort()
        let tokenFile = folder.appendingPathComponent("cccdd.token")
        let configuration: [String: Any] = [
            "listen": "127.0.0.1:\(port)", "tokenFile": tokenFile.path, "trust": [trust],
            "audit": ["path": folder.appendingPathComponent("audit.sqlite").path],
        ]
        let configFile = folder.appendingPathComponent("cccdd.json")
        try JSONSerialization.data(withJSONObject: configuration).write(to: configFile)
        let logFile = folder.appendingPathComponent("cccdd.log")
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)

        let process = Process()
        process.executableURL = PCSCEndToEnd.repositoryRoot.appendingPathComponent(".build/debug/cccdd")
        process.arguments = ["--config", configFile.path]
        let log = try FileHandle(forWritingTo: logFile)
        process.standardOutput = log
        process.standardError = log
        try process.run()
        let daemon = TellerPageDaemon(process: process, port: port, tokenFile: tokenFile, logFile: logFile)

        // Up when /healthz answers and the token file is written.
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if !process.isRunning { throw DaemonFailure(log: daemon.log()) }
            if let token = try? String(contentsOf: tokenFile, encoding: .utf8), !token.isEmpty,
               (try? await daemon.get("/healthz"))?.status == 200
            {
                daemon.token = token.trimmingCharacters(in: .whitespacesAndNewlines)
                return daemon
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        daemon.stop()
        throw DaemonFailure(log: daemon.log())
    }

    struct DaemonFailure: Error, CustomStringConvertible {
        var log: String
        var description: String { "cccdd did not start:\n\(log)" }
    }

    struct Reply {
        var status: Int
        var headers: [String: String]
    }

    func get(_ path: String, authorized: Bool = false, host: String? = nil) async throws -> Reply {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        if authorized { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let host { request.setValue(host, forHTTPHeaderField: "Host") }
        let (_, response) = try await URLSession.shared.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            if let key = key as? String, let value = value as? String { headers[Self.canonical(key)] = value }
        }
        return Reply(status: http.statusCode, headers: headers)
    }

    /// `content-type` → `Content-Type`, `x-content-type-options` → `X-Content-Type-Options`.
    private static func canonical(_ name: String) -> String {
        name.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }.joined(separator: "-")
    }

    func log() -> String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    /// A port nothing listens on now (the kernel's choice for port 0, released again).
    private static func freeLoopbackPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw DaemonFailure(log: "socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw DaemonFailure(log: "bind() failed") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// Lines of a child's stdout, read as they come (blocking).
private final class LineReader {
    private let handle: FileHandle
    private var buffer = Data()

    init(_ handle: FileHandle) { self.handle = handle }

    func next() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = buffer[buffer.startIndex..<newline]
                buffer = Data(buffer[buffer.index(after: newline)...])
                return String(decoding: line, as: UTF8.self)
            }
            let chunk = handle.availableData
            if chunk.isEmpty {
                guard !buffer.isEmpty else { return nil }
                defer { buffer.removeAll() }
                return String(decoding: buffer, as: UTF8.self)
            }
            buffer.append(chunk)
        }
    }
}
