import Foundation

/// The developers' and CI's third-party test material, `../shared` beside the repository (or
/// `$CCCD_SHARED_DIR`): samples/, realworld/, pki/, models/, faces/, vectors/. A plain clone has
/// none of it, so every test that reads it is enabled only if its folder is there:
///
///     @Test(.enabled(if: SharedFolder.available("samples"), "needs ../shared/samples (not found)"))
///
/// `CCCD_SHARED_DIR=/nonexistent swift test` runs the tests as a plain clone does.
public enum SharedFolder {
    /// The repository root (this file is Sources/CCCDTestSupport/SharedFolder.swift).
    public static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // CCCDTestSupport
        .deletingLastPathComponent()  // Sources
        .deletingLastPathComponent()

    /// `$CCCD_SHARED_DIR` when set, else `shared` beside the repository root.
    public static var root: URL {
        if let path = ProcessInfo.processInfo.environment["CCCD_SHARED_DIR"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }

    /// A folder (or file) in the shared material, e.g. `url("samples")`.
    public static func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    /// Whether the shared folder `name` exists.
    public static func available(_ name: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url(name).path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}

/// The ICAO 9303-11 / BSI TR-03110 worked examples transcribed into the repository
/// (TestVectors/icao9303, always present).
public enum ICAOVectors {
    public static let url = SharedFolder.repositoryRoot.appendingPathComponent("TestVectors/icao9303/icao9303-vectors.json")

    /// The whole file: section name → section.
    public static func load() throws -> [String: Any] {
        guard let root = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: url.path])
        }
        return root
    }
}
