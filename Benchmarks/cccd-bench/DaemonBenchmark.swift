import ArgumentParser
import CCCDKit
import CCCDTestSupport
import CCCDVerification
import CCCDVirtualCard
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The daemon against the library, on the default data set's chip behind pcscd + vpcd (this
/// process plays the card): (1) the same full read and verification in-process and through
/// `POST /v1/readers/0/read` (median of N, ratio, target ≤ 1.1×, issue 17); (2) `GET /v1/status` throughput and
/// latency with `wrk` on loopback (target ≥ 10 000 req/s, p99 < 5 ms); (3) the daemon's resident
/// memory after start, idle (target ≤ 50 MB), and after the reads and the load.
/// Run by scripts/bench-daemon.sh, which builds `cccdd` and installs `wrk`.
struct DaemonBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "daemon", abstract: "cccdd: read via the API vs in-process, /v1/status under wrk, idle RSS.")

    @Option(help: "Reads each way (about 30 ms each on the virtual card; with 15 the ratio moved between 1.2 and 1.44 from run to run).")
    var iterations = 40

    @Option(help: "The data set to read (dump folder + card.json).")
    var dataset = "TestVectors/datasets/default"

    @Option(help: "CSCA trust for the verification (both ways), so the verdict is `valid`.")
    var trust = "TestVectors/datasets/pki"

    @Option(help: "The access key: the data set's CAN.")
    var can = "012345"

    @Option(help: "The cccdd binary (default: next to cccd-bench).")
    var cccdd: String?

    @Flag(help: "Start cccdd with face.precompute off: the read path alone, without the chip template the daemon computes ahead for each read (for a photo without a face, as the synthetic data sets have, that template takes the detector through its slow retries).")
    var noFacePrecompute = false

    @Option(help: "Loopback port for the daemon.")
    var port = 8791

    @Option(help: "wrk: seconds, connections, threads.")
    var wrkSeconds = 10
    @Option var wrkConnections = 16
    @Option var wrkThreads = 2

    static let dataGroups: [Int] = [1, 2, 13, 14, 15]

    func run() async throws {
        let folder = URL(fileURLWithPath: dataset)
        let dg2 = try [UInt8](Data(contentsOf: folder.appendingPathComponent("DG2.bin")))
        let bed = try PCSCTestBed.shared()
        let card = try DataSetChip.load(folder)
        let connection = VPCDConnection(card: card, port: bed.basePort)
        try connection.insertSettled()
        defer { connection.eject() }
        let reader = bed.readerNames[0]
        print("cccdd benchmark: \(folder.lastPathComponent) on \"\(reader)\", DG \(Self.dataGroups), photo, PA+AA+CA, trust \(trust), face.precompute \(noFacePrecompute ? "off" : "on")")

        // The daemon first (idle while the in-process reads run), so the two kinds of read can alternate.
        let daemon = try DaemonProcess.start(
            binary: cccdd ?? Self.siblingBinary("cccdd"), port: port, trust: trust, facePrecompute: !noFacePrecompute)
        defer { daemon.stop() }
        try await daemon.waitUntilHealthy()
        try await Task.sleep(for: .seconds(3))
        let idleRSS = daemon.residentMegabytes()
        let client = DaemonClient(port: port, token: daemon.token)

        // 1a. In-process: CCCDKit's CardReader with the verifier the daemon builds.
        let verifier = CardVerifier(trustStore: TrustStore.commandLine(paths: [trust]))
        var options = ReadOptions(dataGroups: Set(Self.dataGroups.compactMap { DataGroup(rawValue: $0) }), includePhoto: true)
        options.verifier = verifier
        let readInProcess = {
            try await measure {
                let result = try await CardReader().read(reader: reader, access: .can(can), options: options).result()
                guard result.rawFiles[.dataGroup(.dg2)] == dg2, result.verification?.overall == .valid else {
                    throw ValidationError("in-process read: wrong DG2 or verdict \(String(describing: result.verification?.overall))")
                }
            }
        }
        // 1b. The same read through the daemon (then DELETE, not timed).
        let readViaAPI = {
            var readId = ""
            let ms = try await measure {
                let object = try await client.read(reader: 0, can: can, dataGroups: Self.dataGroups)
                let verification = object["verification"] as? [String: Any]
                guard verification?["overall"] as? String == "valid", let id = object["readId"] as? String else {
                    throw ValidationError("API read: \(String(describing: verification?["overall"]))")
                }
                readId = id
            }
            try await client.delete(readId)
            return ms
        }
        // Without the precompute the two alternate, so that a change in the machine's load (other
        // processes on a shared machine) hits both alike. With it, the chip template the daemon
        // computes after each API read would run into the next in-process read: then all in-process
        // reads come first. The first read of each kind warms caches (trust store, OpenSSL) and is dropped.
        var local: [Double] = []
        var remote: [Double] = []
        if noFacePrecompute {
            for i in 0...iterations {
                let (a, b) = (try await readInProcess(), try await readViaAPI())
                if i > 0 { local.append(a); remote.append(b) }
            }
        } else {
            for i in 0...iterations { let ms = try await readInProcess(); if i > 0 { local.append(ms) } }
            for i in 0...iterations { let ms = try await readViaAPI(); if i > 0 { remote.append(ms) } }
        }
        // The floor of any API call on this machine: one small request and answer through the same
        // client and connection, sequentially (the read's share of it is in its own figure).
        var roundTrips: [Double] = []
        for _ in 0..<(iterations + 5) {
            roundTrips.append(try await measure { try await client.status() })
        }
        let localSummary = Summary(milliseconds: local)
        let remoteSummary = Summary(milliseconds: remote)
        let ratio = remoteSummary.median / localSummary.median
        print("  read in-process      \(localSummary)")
        print("  read via the API     \(remoteSummary)")
        print(String(format: "  API / in-process median ratio %.3f (target ≤ 1.1) → %@", ratio, ratio <= 1.1 ? "met" : "NOT met"))
        print("  GET /v1/status round trip, one at a time \(Summary(milliseconds: Array(roundTrips.dropFirst(5))))")
        let afterReadsRSS = daemon.residentMegabytes()

        // 2. /v1/status under wrk.
        if let wrk = Self.which("wrk") {
            let output = try Self.runCapturing(wrk, [
                "-t\(wrkThreads)", "-c\(wrkConnections)", "-d\(wrkSeconds)s", "--latency",
                "-H", "Authorization: Bearer \(daemon.token)", "http://127.0.0.1:\(port)/v1/status",
            ])
            let rps = Self.firstMatch(#"Requests/sec:\s+([0-9.]+)"#, in: output).flatMap(Double.init)
            let p50 = Self.firstMatch(#"\n\s+50%\s+([0-9.]+[a-z]+)"#, in: output).flatMap(Self.milliseconds)
            let p99 = Self.firstMatch(#"\n\s+99%\s+([0-9.]+[a-z]+)"#, in: output).flatMap(Self.milliseconds)
            let errors = Self.firstMatch(#"Non-2xx or 3xx responses:\s+([0-9]+)"#, in: output) ?? "0"
            if let rps, let p50, let p99 {
                print(String(format: "  GET /v1/status, wrk %d threads %d connections %d s: %.0f req/s, p50 %.3f ms, p99 %.3f ms, non-2xx %@ (targets ≥ 10000 req/s, p99 < 5 ms) → %@",
                             wrkThreads, wrkConnections, wrkSeconds, rps, p50, p99, errors,
                             rps >= 10000 && p99 < 5 && errors == "0" ? "met" : "NOT met"))
            } else {
                print("  wrk output not understood:\n\(output)")
            }
        } else {
            print("  wrk not installed: /v1/status throughput skipped (scripts/bench-daemon.sh installs it)")
        }
        let afterLoadRSS = daemon.residentMegabytes()
        print(String(format: "  cccdd RSS: idle after start %.1f MB (target ≤ 50) → %@; after the reads %.1f MB; after wrk %.1f MB",
                     idleRSS, idleRSS <= 50 ? "met" : "NOT met", afterReadsRSS, afterLoadRSS))
    }

    static func siblingBinary(_ name: String) -> String {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent(name).path
    }

    static func which(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    static func runCapturing(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static func firstMatch(_ pattern: String, in text: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let range = Range(match.range(at: 1), in: text) else { return nil }
        return String(text[range])
    }

    /// wrk's "812.00us", "1.23ms", "1.01s".
    static func milliseconds(_ text: String) -> Double? {
        for (unit, factor) in [("us", 0.001), ("ms", 1.0), ("s", 1000.0), ("m", 60_000.0)] where text.hasSuffix(unit) {
            return Double(text.dropLast(unit.count)).map { $0 * factor }
        }
        return nil
    }
}

/// A `cccdd` started for the benchmark with its own token, configuration and journal in a
/// temporary directory; stopped with SIGTERM.
final class DaemonProcess: @unchecked Sendable {
    let process: Process
    let directory: URL
    let port: Int
    private(set) var token = ""

    private init(process: Process, directory: URL, port: Int) {
        self.process = process
        self.directory = directory
        self.port = port
    }

    static func start(binary: String, port: Int, trust: String, facePrecompute: Bool) throws -> DaemonProcess {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cccdd-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let trustPath = URL(fileURLWithPath: trust).standardizedFileURL.path
        let config: [String: Any] = [
            "listen": "127.0.0.1:\(port)", "tokenFile": directory.appendingPathComponent("token").path,
            "trust": [trustPath],
            "audit": ["path": directory.appendingPathComponent("audit.sqlite").path,
                      "saltFile": directory.appendingPathComponent("audit.salt").path],
            "face": ["precompute": facePrecompute],
        ]
        let configURL = directory.appendingPathComponent("cccdd.json")
        try JSONSerialization.data(withJSONObject: config).write(to: configURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["--config", configURL.path]
        var environment = ProcessInfo.processInfo.environment
        // Quiet by default; CCCDD_LOG_LEVEL=info shows the daemon's own "read finished" durations.
        environment["CCCDD_LOG_LEVEL"] = environment["CCCDD_LOG_LEVEL"] ?? "warning"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.standardError
        try process.run()
        return DaemonProcess(process: process, directory: directory, port: port)
    }

    func waitUntilHealthy() async throws {
        let url = URL(string: "http://127.0.0.1:\(port)/healthz")!
        for _ in 0..<300 {
            if !process.isRunning { throw ValidationError("cccdd exited with status \(process.terminationStatus)") }
            if let (_, response) = try? await URLSession.shared.data(from: url),
               (response as? HTTPURLResponse)?.statusCode == 200,
               let text = try? String(contentsOf: directory.appendingPathComponent("token"), encoding: .utf8)
            {
                token = text.trimmingCharacters(in: .whitespacesAndNewlines)
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ValidationError("cccdd did not answer /healthz within 30 s")
    }

    /// VmRSS of the daemon, in MB (10^6 bytes).
    func residentMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kB = Double(line.split(separator: " ", omittingEmptySubsequences: true)[1]) else { return .nan }
        return kB * 1024 / 1e6
    }

    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }
}

/// The few API calls the benchmark makes, over one keep-alive URLSession.
struct DaemonClient {
    let port: Int
    let token: String
    let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 120
        return URLSession(configuration: configuration)
    }()

    func read(reader: Int, can: String, dataGroups: [Int]) async throws -> [String: Any] {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/v1/readers/\(reader)/read")!)
        request.httpMethod = "POST"
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = try JSONSerialization.data(withJSONObject: [
            "access": ["can": can], "options": ["dataGroups": dataGroups, "photo": true, "timeoutSeconds": 30],
        ])
        let (data, response) = try await session.data(for: request)
        guard (response as? HTTPURLResponse)?.statusCode == 200,
              let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ValidationError("API read answered \(String(decoding: data.prefix(300), as: UTF8.self))")
        }
        return object
    }

    func status() async throws {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/v1/status")!)
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        let (_, response) = try await session.data(for: request)
        guard (response as? HTTPURLResponse)?.statusCode == 200 else { throw ValidationError("GET /v1/status failed") }
    }

    func delete(_ readId: String) async throws {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/v1/reads/\(readId)")!)
        request.httpMethod = "DELETE"
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        _ = try await session.data(for: request)
    }
}
