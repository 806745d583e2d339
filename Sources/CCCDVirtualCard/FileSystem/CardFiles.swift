/// Who may read a file of the virtual card.
public enum AccessCondition: String, Sendable, Codable {
    /// Readable without authentication (EF.CardAccess, EF.ATR/INFO).
    case always
    /// Readable only inside a secure channel opened by BAC or PACE.
    case afterAccessControl
    /// Never readable (DG3/DG4 without Terminal Authentication): `69 82`.
    case never
}

/// A transparent elementary file.
public struct ElementaryFile: Sendable, Equatable {
    public var fid: UInt16
    /// Short file identifier (1…30), if the file can be read by SFI.
    public var sfi: UInt8?
    public var contents: [UInt8]
    public var access: AccessCondition

    public init(fid: UInt16, sfi: UInt8? = nil, contents: [UInt8], access: AccessCondition = .afterAccessControl) {
        self.fid = fid
        self.sfi = sfi
        self.contents = contents
        self.access = access
    }
}

/// A dedicated file (the MF or an application) holding elementary files.
public struct DedicatedFile: Sendable, Equatable {
    public var fid: UInt16?
    /// Application identifier, for SELECT by DF name.
    public var aid: [UInt8]?
    public var files: [ElementaryFile]

    public init(fid: UInt16? = nil, aid: [UInt8]? = nil, files: [ElementaryFile] = []) {
        self.fid = fid
        self.aid = aid
        self.files = files
    }

    public func file(fid: UInt16) -> ElementaryFile? { files.first { $0.fid == fid } }
    public func file(sfi: UInt8) -> ElementaryFile? { files.first { $0.sfi == sfi } }
}

/// The card's file tree: the master file and the applications below it (one level, as on eMRTDs).
public struct CardFileSystem: Sendable, Equatable {
    public static let masterFileID: UInt16 = 0x3F00
    /// ICAO eMRTD application.
    public static let eMRTDApplicationID: [UInt8] = [0xA0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01]
    public static let atrInfoFID: UInt16 = 0x2F01
    public static let cardAccessFID: UInt16 = 0x011C

    public var masterFile: DedicatedFile
    public var applications: [DedicatedFile]

    public init(masterFile: DedicatedFile = DedicatedFile(fid: masterFileID), applications: [DedicatedFile] = []) {
        self.masterFile = masterFile
        self.applications = applications
    }
}

/// Which directory or file is selected.
enum DirectoryRef: Equatable {
    case master
    case application(Int)
}
