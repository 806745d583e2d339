import CCCDLDS
import Foundation

/// A dump folder (interfaces.md): `EF.COM.bin`, `EF.SOD.bin`, `EF.CardAccess.bin`, `DG1.bin` …
public struct DumpFolder: Sendable {
    /// The files found, by file.
    public var files: [LDSFile: [UInt8]]

    /// Largest file read from a dump (DG2/DG3 are tens of KB; anything near this is not a chip file).
    static let maximumFileSize = 4 << 20

    /// Reads every known file of `folder`. Throws when the folder does not exist or holds none.
    public init(folder: URL) throws(DumpFolderError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .notAFolder(folder.path)
        }
        var files: [LDSFile: [UInt8]] = [:]
        for file in LDSFile.allFiles {
            let url = folder.appendingPathComponent(file.dumpFileName)
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            guard let data = try? Data(contentsOf: url) else { throw .unreadable(file.dumpFileName) }
            guard data.count <= Self.maximumFileSize else { throw .tooLarge(file.dumpFileName) }
            files[file] = [UInt8](data)
        }
        guard !files.isEmpty else { throw .empty(folder.path) }
        self.files = files
    }

    /// A dump from files already in memory (e.g. a read).
    public init(files: [LDSFile: [UInt8]]) {
        self.files = files
    }

    /// The passive-authentication input of this dump.
    public var passiveAuthenticationInput: PassiveAuthenticationInput { PassiveAuthenticationInput(files: files) }
}

/// Why a dump folder could not be read.
public enum DumpFolderError: Error, Equatable, Sendable, CustomStringConvertible {
    case notAFolder(String)
    case empty(String)
    case unreadable(String)
    case tooLarge(String)

    public var description: String {
        switch self {
        case .notAFolder(let path): "\(path) is not a folder"
        case .empty(let path): "\(path) holds no EF.*.bin or DG*.bin file"
        case .unreadable(let name): "cannot read \(name)"
        case .tooLarge(let name): "\(name) is too large for a chip file"
        }
    }
}
