import Foundation

/// Builds a card file system from a dump folder (`EF.COM.bin`, `EF.SOD.bin`, `EF.CardAccess.bin`,
/// `DG1.bin` … `DG16.bin`; see docs/interfaces.md), placing each file at its ICAO file identifier.
public enum DumpFolderLoader {
    /// File name → (FID, SFI, in the eMRTD application?).
    static let layout: [(name: String, fid: UInt16, sfi: UInt8, inApplication: Bool)] =
        [("EF.COM.bin", 0x011E, 0x1E, true), ("EF.SOD.bin", 0x011D, 0x1D, true),
         ("EF.CardAccess.bin", 0x011C, 0x1C, false)]
        + (1...16).map { ("DG\($0).bin", 0x0100 + UInt16($0), UInt8($0), true) }

    /// Loads the folder. `access` applies to the application's files; EF.CardAccess is always
    /// readable. DG3 and DG4 are never readable (they need Terminal Authentication).
    public static func load(_ folder: URL, access: AccessCondition) throws -> CardFileSystem {
        var mf = DedicatedFile(fid: CardFileSystem.masterFileID)
        var app = DedicatedFile(aid: CardFileSystem.eMRTDApplicationID)
        var found = 0
        for entry in layout {
            let url = folder.appendingPathComponent(entry.name)
            guard let data = FileManager.default.contents(atPath: url.path) else { continue }
            found += 1
            if entry.inApplication {
                let condition: AccessCondition = entry.fid == 0x0103 || entry.fid == 0x0104 ? .never : access
                app.files.append(ElementaryFile(fid: entry.fid, sfi: entry.sfi, contents: [UInt8](data), access: condition))
            } else {
                mf.files.append(ElementaryFile(fid: entry.fid, sfi: entry.sfi, contents: [UInt8](data), access: .always))
            }
        }
        guard found > 0 else { throw DumpFolderError.empty(folder.path) }
        return CardFileSystem(masterFile: mf, applications: [app])
    }
}

public enum DumpFolderError: Error, CustomStringConvertible {
    case empty(String)

    public var description: String {
        switch self {
        case .empty(let path): return "no card files (EF.COM.bin, DG1.bin, …) in \(path)"
        }
    }
}
