import CCCDPrimitives
import CCCDTransport
import Foundation

/// A private pcscd with the vpcd virtual reader, started by this process for tests and benchmarks
/// and stopped when the process exits (only the pcscd it started).
///
/// pcscd always serves `/run/pcscd/pcscd.comm`, so a private one needs a private mount namespace:
/// `scripts/with-private-pcscd.sh` provides it (plus a private network namespace, so vpcd's TCP
/// listener is reachable only from inside) and sets `CCCD_PRIVATE_PCSCD=1`. Without it the test bed
/// starts pcscd only when none is running.
public final class PCSCTestBed: @unchecked Sendable {
    /// vpcd's first port; its second slot listens on the next one.
    public let basePort: UInt16
    public let directory: URL
    public let logFile: URL
    private let process: Process

    /// Reader names of vpcd's two slots.
    public var readerNames: [String] { ["Virtual PCD 00 00", "Virtual PCD 00 01"] }

    private static let sharedInstance = LockedBox<PCSCTestBed?>(nil)

    /// The process-wide test bed, started on first use.
    public static func shared() throws -> PCSCTestBed {
        try sharedInstance.withLock { sharedInstance in
            if let sharedInstance { return sharedInstance }
            let bed = try PCSCTestBed()
            sharedInstance = bed
            atexit { PCSCTestBed.stopShared() }
            return bed
        }
    }

    private static func stopShared() {
        sharedInstance.withLock { $0 }?.stop()
    }

    private init() throws {
        let env = ProcessInfo.processInfo.environment
        basePort = env["CCCD_VPCD_PORT"].flatMap { UInt16($0) } ?? 35963
        guard let pcscd = Self.findExecutable("pcscd", in: ["/usr/sbin", "/sbin", "/usr/bin", "/usr/local/sbin"]) else {
            throw TestBedError.missing("pcscd (Debian package pcscd)")
        }
        let driver = Self.vpcdDriverPath()
        guard FileManager.default.fileExists(atPath: driver) else {
            throw TestBedError.missing("the vpcd driver \(driver) (Debian package vsmartcard-vpcd)")
        }
        if env["CCCD_PRIVATE_PCSCD"] != "1", Self.pcscdIsRunning() {
            throw TestBedError.foreignPcscd
        }

        directory = FileManager.default.temporaryDirectory.appendingPathComponent("cccd-pcscd-\(getpid())")
        let confDir = directory.appendingPathComponent("reader.conf.d")
        try FileManager.default.createDirectory(at: confDir, withIntermediateDirectories: true)
        let conf = """
            FRIENDLYNAME "Virtual PCD"
            DEVICENAME   /dev/null:\(basePort)
            LIBPATH      \(driver)
            CHANNELID    \(basePort)

            """
        try conf.write(to: confDir.appendingPathComponent("vpcd"), atomically: true, encoding: .utf8)
        logFile = directory.appendingPathComponent("pcscd.log")
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        let log = try FileHandle(forWritingTo: logFile)

        process = Process()
        process.executableURL = URL(fileURLWithPath: pcscd)
        process.arguments = ["--foreground", "--config", confDir.path]
        process.standardOutput = log
        process.standardError = log
        try process.run()
        try waitForReaders()
    }

    private func waitForReaders() throws {
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            if !process.isRunning {
                throw TestBedError.pcscdExited((try? String(contentsOf: logFile, encoding: .utf8)) ?? "")
            }
            if let context = try? PCSCContext(), let names = try? context.readerNames(),
               names.contains(readerNames[0]) {
                return
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        stop()
        throw TestBedError.timeout
    }

    /// Stops the pcscd this test bed started (plain signals and waitpid: this also runs from
    /// `atexit`, where Foundation's process monitoring no longer runs).
    public func stop() {
        let pid = process.processIdentifier
        guard pid > 0, kill(pid, 0) == 0 else { return }
        kill(pid, SIGTERM)
        for _ in 0..<200 {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid || kill(pid, 0) != 0 { return }
            usleep(10_000)
        }
        kill(pid, SIGKILL)
    }

    static func findExecutable(_ name: String, in dirs: [String]) -> String? {
        dirs.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The driver path from the system's vpcd reader config, else Debian's default.
    static func vpcdDriverPath() -> String {
        if let text = try? String(contentsOfFile: "/etc/reader.conf.d/vpcd", encoding: .utf8) {
            for line in text.split(separator: "\n") where line.hasPrefix("LIBPATH") {
                if let path = line.split(separator: " ", omittingEmptySubsequences: true).last {
                    return String(path)
                }
            }
        }
        return "/usr/lib/pcsc/drivers/serial/libifdvpcd.so"
    }

    static func pcscdIsRunning() -> Bool {
        guard let pid = try? String(contentsOfFile: "/run/pcscd/pcscd.pid", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines), let n = Int32(pid)
        else { return false }
        return kill(n, 0) == 0
    }
}

public enum TestBedError: Error, CustomStringConvertible {
    case missing(String)
    case foreignPcscd
    case pcscdExited(String)
    case timeout

    public var description: String {
        switch self {
        case .missing(let what): return "test bed: \(what) is not installed (run scripts/setup.sh)"
        case .foreignPcscd:
            return "test bed: a pcscd is already running on this machine; run the tests through "
                + "scripts/with-private-pcscd.sh (as scripts/test.sh does) to get a private one"
        case .pcscdExited(let log): return "test bed: pcscd exited at start:\n\(log.suffix(2000))"
        case .timeout: return "test bed: the virtual reader did not appear within 15 s"
        }
    }
}
