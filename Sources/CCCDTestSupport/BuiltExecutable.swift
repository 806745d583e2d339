import Foundation

/// The executables of this package as built for the running tests: beside the test bundle, whatever
/// the scratch path (`.build/debug`, or `.build-asan` / `.build-tsan` under scripts/sanitize.sh),
/// so a sanitizer run never starts the plain build's binaries.
public enum BuiltExecutable {
    public static func url(_ name: String, repositoryRoot: URL) -> URL {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent(name)
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        return repositoryRoot.appendingPathComponent(".build/debug/\(name)")
    }
}

extension BuiltExecutable {
    /// Runs `executable` with `arguments` in `directory`, the environment extended by `environment`;
    /// returns its exit status and standard output (standard error is discarded).
    public static func run(
        _ executable: URL, _ arguments: [String], in directory: URL, environment: [String: String] = [:]
    ) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.currentDirectoryURL = directory
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
