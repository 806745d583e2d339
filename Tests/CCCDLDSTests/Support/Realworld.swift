import CCCDTestSupport
import Foundation
import Testing

/// The third-party sets in ../shared/realworld (never copied into the repository). Tests that need
/// one are enabled only when it is present, and say which folder is missing when skipped.
enum Realworld {
    static var directory: URL { SharedFolder.url("realworld") }

    /// The folder of one set.
    static func folder(_ set: String) -> URL { directory.appendingPathComponent(set) }

    /// The bytes of a file of a set.
    static func bytes(_ set: String, _ file: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: folder(set).appendingPathComponent(file)))
    }

    /// Enables a test only when every named set is present; the skip comment names the missing folder.
    static func required(_ sets: String...) -> ConditionTrait {
        let missing = sets.first { !FileManager.default.fileExists(atPath: folder($0).path) }
        return .enabled(
            if: missing == nil, Comment(rawValue: "missing folder ../shared/realworld/\(missing ?? "")"))
    }
}
