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
