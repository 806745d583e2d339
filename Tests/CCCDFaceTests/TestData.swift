import CCCDFace
import Foundation
import Testing

/// The face photos fetched by scripts/setup-face-testdata.sh (run by scripts/setup.sh), found through
/// CCCD_FACE_TESTDATA or the default cache folder. Missing files fail the test with a clear message.
enum TestData {
    static let directory: URL = {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["CCCD_FACE_TESTDATA"], !path.isEmpty { return URL(fileURLWithPath: path) }
        let cache = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? NSHomeDirectory() + "/.cache"
        return URL(fileURLWithPath: cache + "/cccdkit/face-testdata")
    }()

    struct Missing: Error, CustomStringConvertible {
        let path: String
        var description: String {
            "face test image \(path) is missing: run scripts/setup.sh (or scripts/setup-face-testdata.sh), "
                + "or point CCCD_FACE_TESTDATA at the folder it fills"
        }
    }

    static func bytes(_ relativePath: String) throws -> [UInt8] {
        let url = directory.appendingPathComponent(relativePath)
        guard let data = FileManager.default.contents(atPath: url.path) else { throw Missing(path: url.path) }
        return [UInt8](data)
    }

    static func image(_ relativePath: String) throws -> FaceImage {
        try FaceImage(encoded: bytes(relativePath))
    }

    /// One engine for the whole test run, as the daemon would share it; models load on first use.
    static let engine = FaceEngine()

    /// Chip-like re-encodings of one source photo (scripts/face-testdata.py).
    static func chipVariants(_ stem: String) -> [String] {
        ["jpeg-4k.jpg", "jpeg-8k.jpg", "jpeg-15k.jpg", "jp2-4k.jp2", "jp2-8k.jp2", "jp2-15k.jp2"].map {
            "chip/\(stem)-\($0)"
        }
    }
}
