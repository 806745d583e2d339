import CCCDLDS
import Foundation

/// A dump folder (interfaces.md): `EF.COM.bin`, `EF.SOD.bin`, `EF.CardAccess.bin`, `DG1.bin` …
public struct DumpFolder: Sendable {
    /// The files found, by file.
    public var files: [LDSFile: [UInt8]]
    /// `AA.challenge.bin` and `AA.response.bin`, when both are present.
    public var activeAuthentication: ActiveAuthenticationEvidence?
    /// `CAM.mappingKey.bin` and `CAM.caIC.bin` (PACE-CAM's data), when both are present.
    public var chipAuthentication: ChipAuthenticationEvidence?

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
        let challenge = folder.appendingPathComponent(ActiveAuthenticationEvidence.challengeFileName)
        let response = folder.appendingPathComponent(ActiveAuthenticationEvidence.responseFileName)
        let manager = FileManager.default
        if manager.fileExists(atPath: challenge.path) || manager.fileExists(atPath: response.path) {
            // One without the other, or an oversized one, is an unreadable dump: never a silent not-performed.
            guard let c = try? Data(contentsOf: challenge), c.count <= 256 else {
                throw .unreadable(ActiveAuthenticationEvidence.challengeFileName)
            }
            guard let r = try? Data(contentsOf: response), r.count <= 4096 else {
                throw .unreadable(ActiveAuthenticationEvidence.responseFileName)
            }
            activeAuthentication = ActiveAuthenticationEvidence(challenge: [UInt8](c), response: [UInt8](r))
        }
        let mapping = folder.appendingPathComponent(ChipAuthenticationEvidence.mappingKeyFileName)
        let caIC = folder.appendingPathComponent(ChipAuthenticationEvidence.caICFileName)
        if manager.fileExists(atPath: mapping.path) || manager.fileExists(atPath: caIC.path) {
            // The same rule as for AA: half the evidence is an unreadable dump.
            guard let m = try? Data(contentsOf: mapping), !m.isEmpty, m.count <= 1024 else {
                throw .unreadable(ChipAuthenticationEvidence.mappingKeyFileName)
            }
            guard let c = try? Data(contentsOf: caIC), !c.isEmpty, c.count <= 1024 else {
                throw .unreadable(ChipAuthenticationEvidence.caICFileName)
            }
            chipAuthentication = ChipAuthenticationEvidence.fromDump(
                mappingKey: [UInt8](m), caIC: [UInt8](c), cardAccess: files[.cardAccess])
        }
    }

    /// A dump from files already in memory (e.g. a read).
    public init(
        files: [LDSFile: [UInt8]], activeAuthentication: ActiveAuthenticationEvidence? = nil,
        chipAuthentication: ChipAuthenticationEvidence? = nil
    ) {
        self.files = files
        self.activeAuthentication = activeAuthentication
        self.chipAuthentication = chipAuthentication
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
