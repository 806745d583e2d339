import ArgumentParser
import CCCDDaemon
import Foundation
import Logging

/// `cccdd`: the counter daemon (docs/interfaces.md, docs/daemon.md). Everything lives in the
/// CCCDDaemon library; this is the command line.
@main
struct CCCDDaemonCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cccdd", abstract: "CCCDKit counter daemon (local API for teller and kiosk software).",
        version: CCCDDaemonInfo.version)

    @Option(help: "JSON configuration file (docs/daemon.md); default: /etc/cccdkit/cccdd.json when it exists.")
    var config: String?

    @Option(help: "Address to listen on, HOST:PORT (loopback only; default 127.0.0.1:8700).")
    var listen: String?

    @Option(help: "Listen on this Unix domain socket instead of TCP.")
    var unix: String?

    @Option(help: "Bearer token file (created at first start, mode 0640).")
    var tokenFile: String?

    func validate() throws {
        if listen != nil && unix != nil { throw ValidationError("give --listen or --unix, not both") }
    }

    func run() async throws {
        MallocArenas.limitForDaemon()
        ProcessHardening.apply()
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = ProcessInfo.processInfo.environment["CCCDD_LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0) } ?? .info
            return handler
        }
        let logger = Logger(label: "cccdd")
        do {
            try await DaemonApplication.run(
                CommandLineOverrides(configFile: config, listen: listen, unixSocket: unix, tokenFile: tokenFile),
                logger: logger)
            // Stopped cleanly: everything that must reach the disk has (each audit row is synced when
            // written, reads in memory are wiped). Exit without the C/C++ libraries' exit handlers: a
            // chip-template precompute cannot be interrupted inside dlib, and dlib/OpenBLAS/OpenCV
            // tearing down their globals under it crashed the daemon at exit.
            fflush(nil)
            _exit(0)
        } catch let error as ConfigurationError {
            FileHandle.standardError.write(Data("cccdd: \(error)\n".utf8))
            throw ExitCode(78)  // EX_CONFIG
        }
    }
}
