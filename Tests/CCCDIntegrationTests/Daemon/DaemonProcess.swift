import Foundation

/// The built `cccdd` (beside the test bundle) started for one test: temporary configuration, token and
/// audit journal, a free loopback port, stderr captured to a file (the log that must hold no
/// personal data). HTTP goes through `curl` subprocesses.
final class DaemonProcess: @unchecked Sendable {
    let folder: URL
    let port: Int
    let token: String
    let logFile: URL
    let auditPath: URL
    private let process: Process

    init(readTTLSeconds: Int = 120, maxBodyBytes: Int = 65536, allowedOrigins: [String] = ["https://teller.bank.example"],
         trust: [String], extraConfiguration: [String: Any] = [:]) throws
    {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("cccdd-it-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        port = try Self.freePort()
        logFile = folder.appendingPathComponent("cccdd.log")
        auditPath = folder.appendingPathComponent("audit.sqlite")
        let base: [String: Any] = [
            "listen": "127.0.0.1:\(port)", "tokenFile": folder.appendingPathComponent("cccdd.token").path,
            "readTTLSeconds": readTTLSeconds, "maxBodyBytes": maxBodyBytes, "allowedOrigins": allowedOrigins,
            "trust": trust, "audit": ["path": auditPath.path, "retentionDays": 30],
        ]
        let configuration = base.merging(extraConfiguration) { _, extra in extra }
        let configFile = folder.appendingPathComponent("cccdd.json")
        try JSONSerialization.data(withJSONObject: configuration).write(to: configFile)
        FileManager.default.createFile(atPath: logFile.path, contents: nil)

        process = Process()
        process.executableURL = PCSCEnd.builtExecutable("cccdd")
        process.arguments = ["--config", configFile.path]
        process.standardError = try FileHandle(forWritingTo: logFile)
        process.standardOutput = process.standardError
        try process.run()

        // The token file appears at start; then /healthz answers.
        let tokenFile = folder.appendingPathComponent("cccdd.token")
        let deadline = Date().addingTimeInterval(30)
        var token: String?
        while Date() < deadline {
            if token == nil, let data = FileManager.default.contents(atPath: tokenFile.path), data.count >= 64 {
                token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            }
            if let token, token.count == 64, let health = try? Self.curl(port: port, ["-s", "-o", "/dev/null", "-w", "%{http_code}", "http://127.0.0.1:\(port)/healthz"]),
               String(decoding: health, as: UTF8.self) == "200"
            {
                self.token = token
                return
            }
            guard process.isRunning else { break }
            usleep(100_000)
        }
        process.terminate()
        throw DaemonTestError.startFailed(log: (try? String(contentsOf: logFile, encoding: .utf8)) ?? "")
    }

    /// SIGTERM, then waits; returns the exit status (0 after a graceful shutdown).
    @discardableResult
    func stop() -> Int32 {
        if process.isRunning {
            process.terminate()
            let deadline = Date().addingTimeInterval(15)
            while process.isRunning && Date() < deadline { usleep(50_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    var log: String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }

    /// The per-client tokens file (`cccd token … --file`): the default one, beside the token file.
    var tokensFile: String { folder.appendingPathComponent("cccdd-tokens.json").path }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: folder)
    }

    struct Reply {
        var status: Int
        var body: Data
        var headers: String
        var json: [String: Any]? { try? JSONSerialization.jsonObject(with: body) as? [String: Any] }
        var errorCode: String? { (json?["error"] as? [String: Any])?["code"] as? String }
    }

    /// One request. `token: nil` sends no Authorization header; extra headers may replace Host/Origin.
    func request(_ method: String, _ path: String, token: String?? = .none, headers: [String] = [], body: Data? = nil,
                 contentType: String? = "application/json", timeout: Int = 60) throws -> Reply
    {
        let bodyFile = folder.appendingPathComponent("body-\(UUID().uuidString)")
        let headerFile = folder.appendingPathComponent("headers-\(UUID().uuidString)")
        let requestFile = folder.appendingPathComponent("request-\(UUID().uuidString)")
        defer {
            for file in [bodyFile, headerFile, requestFile] { try? FileManager.default.removeItem(at: file) }
        }
        var arguments = ["-s", "-X", method, "-o", bodyFile.path, "-D", headerFile.path, "-w", "%{http_code}",
                         "--max-time", "\(timeout)"]
        let bearer: String? = switch token {
        case .none: self.token
        case .some(let value): value
        }
        if let bearer { arguments += ["-H", "Authorization: Bearer \(bearer)"] }
        for header in headers { arguments += ["-H", header] }
        if let body {
            try body.write(to: requestFile)
            arguments += ["--data-binary", "@\(requestFile.path)"]
            if let contentType { arguments += ["-H", "Content-Type: \(contentType)"] }
        }
        arguments.append("http://127.0.0.1:\(port)\(path)")
        let output = try Self.curl(port: port, arguments)
        let status = Int(String(decoding: output, as: UTF8.self)) ?? -1
        return Reply(
            status: status, body: (try? Data(contentsOf: bodyFile)) ?? Data(),
            headers: (try? String(contentsOf: headerFile, encoding: .utf8)) ?? "")
    }

    func json(_ method: String, _ path: String, _ object: Any, headers: [String] = []) throws -> Reply {
        try request(method, path, headers: headers, body: JSONSerialization.data(withJSONObject: object))
    }

    static func curl(port: Int, _ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }

    /// A loopback port nobody listens on now.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw DaemonTestError.noPort }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Bool in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else { throw DaemonTestError.noPort }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Waits until `/v1/readers` lists `count` readers.
    /// Waits until the daemon lists `count` readers and, when given, `settled` holds for all of them
    /// (e.g. empty: a card ejected by the previous test is seen gone only at pcscd's next poll).
    func waitForReaders(_ count: Int, timeout: TimeInterval = 20, settled: (([String: Any]) -> Bool)? = nil) throws
        -> [[String: Any]]
    {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let readers = try request("GET", "/v1/readers").json?["readers"] as? [[String: Any]], readers.count >= count,
               settled.map({ readers.allSatisfy($0) }) ?? true
            {
                return readers
            }
            usleep(100_000)
        }
        throw DaemonTestError.timeout("readers")
    }
}

/// `curl -N` on `/v1/events` writing the stream into a file, which is parsed on demand.
final class EventStreamClient: @unchecked Sendable {
    struct Event: Equatable {
        var type: String
        var data: [String: String]
    }

    private let process = Process()
    private let output: URL

    /// `token`: the bearer token of the stream's client (default: the daemon's single token).
    init(daemon: DaemonProcess, token: String? = nil) throws {
        output = daemon.folder.appendingPathComponent("events-\(UUID().uuidString).txt")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["-sN", "-o", output.path, "-H", "Authorization: Bearer \(token ?? daemon.token)",
                             "http://127.0.0.1:\(daemon.port)/v1/events"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(10)
        while !text.hasPrefix(":") {
            guard Date() < deadline else { throw DaemonTestError.timeout("event stream") }
            usleep(20_000)
        }
    }

    private var text: String { (try? String(contentsOf: output, encoding: .utf8)) ?? "" }

    /// The complete events received so far.
    var events: [Event] {
        var result: [Event] = []
        for block in text.components(separatedBy: "\n\n").dropLast() where !block.hasPrefix(":") && !block.isEmpty {
            var type = ""
            var data: [String: String] = [:]
            for line in block.split(separator: "\n") {
                if line.hasPrefix("event: ") { type = String(line.dropFirst(7)) }
                if line.hasPrefix("data: "),
                   let object = try? JSONSerialization.jsonObject(with: Data(line.dropFirst(6).utf8)) as? [String: Any]
                {
                    data = object.mapValues { "\($0)" }
                }
            }
            result.append(Event(type: type, data: data))
        }
        return result
    }

    var rawText: String { text }

    func waitFor(timeout: TimeInterval = 20, _ predicate: (Event) -> Bool) throws -> Event {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let event = events.first(where: predicate) { return event }
            usleep(20_000)
        }
        throw DaemonTestError.timeout("event")
    }

    func stop() {
        // SIGKILL: curl spawned from a test thread may inherit a mask that blocks SIGTERM.
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
}

enum DaemonTestError: Error {
    case startFailed(log: String)
    case noPort
    case timeout(String)
}

/// Paths shared by the daemon tests.
enum PCSCEnd {
    static var repositoryRoot: URL { PCSCEndToEnd.repositoryRoot }
    static func builtExecutable(_ name: String) -> URL { PCSCEndToEnd.builtExecutable(name) }
}
