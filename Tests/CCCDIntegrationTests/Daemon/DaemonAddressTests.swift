import Foundation
import Testing

/// The daemon owns its address (issue #17 item 3): socket-activated it serves the sockets systemd
/// passes; run alone it holds both 127.0.0.1 and ::1 on its port, so no other local process can
/// listen where a browser's `localhost` may go — and it refuses to start when one already does.
extension PCSCEndToEnd {
    @Test func addressSocketActivatedDaemonServesAndHoldsBothFamilies() throws {
        let scratch = try DaemonScratch()
        let port = try DaemonProcess.freePort()
        let configuration = try scratch.configuration(port: port)
        // Bound and passed as systemd does with systemd/cccdd.socket: listening sockets on
        // 127.0.0.1 and ::1 as fds 3 and 4, LISTEN_FDS=2 and LISTEN_PID = the daemon's pid (python
        // binds them, then execs cccdd in the same process).
        let activator = Process()
        activator.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        activator.arguments = ["-c", """
            import fcntl, os, socket, sys
            port = int(sys.argv[1])
            spare = []
            for family, host in [(socket.AF_INET, "127.0.0.1"), (socket.AF_INET6, "::1")]:
                s = socket.socket(family, socket.SOCK_STREAM)
                s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                s.bind((host, port))
                s.listen(16)
                spare.append(fcntl.fcntl(s.fileno(), fcntl.F_DUPFD, 10))  # out of the way of 3 and 4
                s.close()
            for fd, source in enumerate(spare, start=3):
                os.dup2(source, fd)  # inheritable
            os.environ["LISTEN_FDS"] = "2"
            os.environ["LISTEN_PID"] = str(os.getpid())
            os.execv(sys.argv[2], sys.argv[2:])
            """, "\(port)", PCSCEnd.builtExecutable("cccdd").path, "--config", configuration]
        activator.standardError = try FileHandle(forWritingTo: scratch.log)
        activator.standardOutput = activator.standardError
        try activator.run()
        defer { if activator.isRunning { kill(activator.processIdentifier, SIGKILL) } }
        try scratch.waitForHealth(urls: ["http://127.0.0.1:\(port)/healthz", "http://[::1]:\(port)/healthz"])
        #expect(try scratch.status(["-H", "Authorization: Bearer \(scratch.token)", "http://[::1]:\(port)/v1/status"]) == "200")
        #expect(scratch.logText.contains("socketActivated: true") || scratch.logText.contains("socketActivated=true"),
                "\(scratch.logText)")

        // Nobody else can listen there now: neither a plain socket nor a second daemon.
        #expect(Self.bindError(family: AF_INET6, port: port) == EADDRINUSE)
        #expect(Self.bindError(family: AF_INET, port: port) == EADDRINUSE)
        let second = try scratch.runDaemonToExit(configuration: configuration)
        #expect(second.status != 0)
        #expect(second.output.contains("another process listens on"), "\(second.output)")

        kill(activator.processIdentifier, SIGTERM)
        activator.waitUntilExit()
    }

    @Test func addressPlainDaemonHoldsBothFamiliesAndRefusesATakenOne() throws {
        let daemon = try DaemonProcess(trust: [Self.trustFolder])
        #expect(Self.bindError(family: AF_INET6, port: daemon.port) == EADDRINUSE, "[::1]:\(daemon.port) is free")
        #expect(try DaemonScratch().status(["http://[::1]:\(daemon.port)/healthz"]) == "200")
        #expect(daemon.stop() == 0)

        // Another process holds [::1]:PORT: the daemon does not start (it would share `localhost`).
        let scratch = try DaemonScratch()
        let port = try DaemonProcess.freePort()
        let squatter = try #require(Self.listen(family: AF_INET6, port: port))
        defer { close(squatter) }
        let refused = try scratch.runDaemonToExit(configuration: try scratch.configuration(port: port))
        #expect(refused.status == 78, "exit \(refused.status): \(refused.output)")
        #expect(refused.output.contains("another process listens on [::1]:\(port)"), "\(refused.output)")
    }

    /// `--unix PATH` replaces only a socket, never a file or folder, and gives the socket mode 0660.
    @Test func addressUnixSocketReplacesOnlySocketsAndSetsItsMode() throws {
        let scratch = try DaemonScratch()
        let path = scratch.folder.appendingPathComponent("s").path
        for make in [{ FileManager.default.createFile(atPath: path, contents: Data("keep".utf8)) },
                     { (try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)) != nil }] {
            #expect(make())
            let refused = try scratch.runDaemonToExit(configuration: try scratch.configuration(port: 1), extra: ["--unix", path])
            #expect(refused.status == 78 && refused.output.contains("is not a socket"), "\(refused.output)")
            #expect(FileManager.default.fileExists(atPath: path), "the daemon removed what was at --unix")
            try FileManager.default.removeItem(atPath: path)
        }
        // A stale socket is replaced; the new one is 0660.
        let stale = try #require(Self.unixListener(path))
        close(stale)
        let daemon = Process()
        daemon.executableURL = PCSCEnd.builtExecutable("cccdd")
        daemon.arguments = ["--config", try scratch.configuration(port: 1), "--unix", path]
        daemon.standardError = try FileHandle(forWritingTo: scratch.log)
        try daemon.run()
        defer { if daemon.isRunning { kill(daemon.processIdentifier, SIGKILL) } }
        let deadline = Date().addingTimeInterval(20)
        var served = ""
        while Date() < deadline {
            served = try scratch.status(["--unix-socket", path, "http://localhost/healthz"])
            if served == "200" { break }
            usleep(100_000)
        }
        #expect(served == "200", "\(scratch.logText)")
        var info = stat()
        #expect(stat(path, &info) == 0 && info.st_mode & 0o777 == 0o660 && info.st_mode & S_IFMT == S_IFSOCK)
        kill(daemon.processIdentifier, SIGTERM)
        daemon.waitUntilExit()
    }

    /// errno of binding a TCP socket to the loopback address of `family` on `port` (0: it worked).
    static func bindError(family: Int32, port: Int) -> Int32 {
        guard let fd = listen(family: family, port: port) else { return errno }
        close(fd)
        return 0
    }

    static func listen(family: Int32, port: Int) -> Int32? {
        let fd = socket(family, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var ok: Bool
        if family == AF_INET6 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_addr = in6addr_loopback
            address.sin6_port = UInt16(port).bigEndian
            ok = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) == 0 }
            }
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = UInt16(port).bigEndian
            ok = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
            }
        }
        ok = ok && Glibc.listen(fd, 4) == 0
        let saved = errno
        guard ok else {
            close(fd)
            errno = saved
            return nil
        }
        return fd
    }

    static func unixListener(_ path: String) -> Int32? {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, byte) in path.utf8.enumerated() where i < raw.count - 1 { raw[i] = byte }
        }
        let ok = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) == 0 }
        }
        guard ok, Glibc.listen(fd, 1) == 0 else {
            close(fd)
            return nil
        }
        return fd
    }
}

/// A folder with a ready token (0600) and a configuration for a `cccdd` started by hand.
final class DaemonScratch {
    let folder: URL
    let log: URL
    let token = String(repeating: "ab", count: 32)

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("cccdd-addr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        log = folder.appendingPathComponent("cccdd.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let tokenFile = folder.appendingPathComponent("cccdd.token").path
        FileManager.default.createFile(atPath: tokenFile, contents: Data((token + "\n").utf8), attributes: [.posixPermissions: 0o600])
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    var logText: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    func configuration(port: Int) throws -> String {
        let file = folder.appendingPathComponent("cccdd-\(port).json")
        try JSONSerialization.data(withJSONObject: [
            "listen": "127.0.0.1:\(port)", "tokenFile": folder.appendingPathComponent("cccdd.token").path,
            "trust": [PCSCEndToEnd.trustFolder], "audit": ["path": NSNull()],
        ]).write(to: file)
        return file.path
    }

    func waitForHealth(urls: [String], timeout: TimeInterval = 30) throws {
        let deadline = Date().addingTimeInterval(timeout)
        for url in urls {
            while true {
                if try status([url]) == "200" { break }
                guard Date() < deadline else { throw DaemonTestError.startFailed(log: logText) }
                usleep(100_000)
            }
        }
    }

    /// The HTTP status curl got (written to a file, not a pipe: a daemon started through
    /// systemd-socket-activate must not be able to hold the test's read end open).
    func status(_ arguments: [String]) throws -> String {
        let out = folder.appendingPathComponent("status-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: out) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["-s", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "5"] + arguments
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return (try? String(contentsOf: out, encoding: .utf8)) ?? ""
    }

    /// Runs a `cccdd` that is expected to stop on its own (refusing to start); its exit status and output.
    func runDaemonToExit(configuration: String, extra: [String] = []) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = PCSCEnd.builtExecutable("cccdd")
        process.arguments = ["--config", configuration] + extra
        let out = folder.appendingPathComponent("run-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: out)
        process.standardOutput = process.standardError
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        let output = (try? Data(contentsOf: out)) ?? Data()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
