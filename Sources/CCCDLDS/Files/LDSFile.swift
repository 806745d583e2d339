/// An elementary file of the eMRTD, with its identifiers (ICAO 9303-10 §3.6 and §4.7).
public enum LDSFile: Sendable, Hashable, Codable, CustomStringConvertible {
    /// EF.COM (eMRTD application): LDS version and the list of data groups present.
    case com
    /// EF.SOD (eMRTD application): the Document Security Object.
    case sod
    /// A data group (eMRTD application).
    case dataGroup(DataGroup)
    /// EF.CardAccess (master file): PACE and other SecurityInfos.
    case cardAccess
    /// EF.CardSecurity (master file): signed SecurityInfos.
    case cardSecurity
    /// EF.ATR/INFO (master file): the card's maximum command and response lengths.
    case atrInfo

    /// Every file, master-file files first, then EF.COM, EF.SOD and DG1–DG16.
    public static let allFiles: [LDSFile] =
        [.cardAccess, .cardSecurity, .atrInfo, .com, .sod] + DataGroup.allCases.map { .dataGroup($0) }

    /// The file identifier used with SELECT.
    public var fileIdentifier: UInt16 {
        switch self {
        case .com: 0x011E
        case .sod: 0x011D
        case .dataGroup(let group): group.fileIdentifier
        case .cardAccess: 0x011C
        case .cardSecurity: 0x011D
        case .atrInfo: 0x2F01
        }
    }

    /// The short file identifier used with READ BINARY (b8 = 1, SFI in b5–b1 of P1).
    public var shortFileIdentifier: UInt8 {
        switch self {
        case .com: 0x1E
        case .sod: 0x1D
        case .dataGroup(let group): group.shortFileIdentifier
        case .cardAccess: 0x1C
        case .cardSecurity: 0x1D
        case .atrInfo: 0x01
        }
    }

    /// Whether the file lives in the master file (selected before the eMRTD application).
    public var isInMasterFile: Bool {
        switch self {
        case .cardAccess, .cardSecurity, .atrInfo: true
        case .com, .sod, .dataGroup: false
        }
    }

    /// The tag of the file's outer element: `60` EF.COM, `77` EF.SOD, the data group's tag, `31`
    /// (SET) for EF.CardAccess, `30` (ContentInfo) for EF.CardSecurity; `nil` for EF.ATR/INFO, which
    /// is a sequence of data objects without an outer template.
    public var outerTag: UInt8? {
        switch self {
        case .com: 0x60
        case .sod: 0x77
        case .dataGroup(let group): group.ldsTag
        case .cardAccess: 0x31
        case .cardSecurity: 0x30
        case .atrInfo: nil
        }
    }

    /// The data group, for data-group files.
    public var dataGroup: DataGroup? {
        if case .dataGroup(let group) = self { return group }
        return nil
    }

    /// The file name in a dump folder (`EF.COM.bin`, `EF.SOD.bin`, `EF.CardAccess.bin`, `DG2.bin`, …).
    public var dumpFileName: String {
        switch self {
        case .com: "EF.COM.bin"
        case .sod: "EF.SOD.bin"
        case .dataGroup(let group): "DG\(group.number).bin"
        case .cardAccess: "EF.CardAccess.bin"
        case .cardSecurity: "EF.CardSecurity.bin"
        case .atrInfo: "EF.ATR-INFO.bin"
        }
    }

    public var description: String {
        switch self {
        case .com: "EF.COM"
        case .sod: "EF.SOD"
        case .dataGroup(let group): group.description
        case .cardAccess: "EF.CardAccess"
        case .cardSecurity: "EF.CardSecurity"
        case .atrInfo: "EF.ATR/INFO"
        }
    }
}
