/// The sixteen data groups of the ICAO 9303 Logical Data Structure.
public enum DataGroup: Int, CaseIterable, Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    case dg1 = 1, dg2, dg3, dg4, dg5, dg6, dg7, dg8, dg9, dg10, dg11, dg12, dg13, dg14, dg15, dg16

    /// The data group number, 1–16.
    public var number: Int { rawValue }

    /// The tag of the file's outer template (ICAO 9303-10 table 35), e.g. `0x61` for DG1, `0x75` for DG2.
    public var ldsTag: UInt8 {
        switch self {
        case .dg1: 0x61
        case .dg2: 0x75
        case .dg3: 0x63
        case .dg4: 0x76
        case .dg5: 0x65
        case .dg6: 0x66
        case .dg7: 0x67
        case .dg8: 0x68
        case .dg9: 0x69
        case .dg10: 0x6A
        case .dg11: 0x6B
        case .dg12: 0x6C
        case .dg13: 0x6D
        case .dg14: 0x6E
        case .dg15: 0x6F
        case .dg16: 0x70
        }
    }

    /// The file identifier in the eMRTD application: `0101` … `0110`.
    public var fileIdentifier: UInt16 { 0x0100 + UInt16(rawValue) }

    /// The short file identifier: `01` … `10`.
    public var shortFileIdentifier: UInt8 { UInt8(rawValue) }

    /// The data group whose outer template has `tag`, as listed in EF.COM.
    public init?(ldsTag tag: UInt8) {
        guard let group = DataGroup.allCases.first(where: { $0.ldsTag == tag }) else { return nil }
        self = group
    }

    /// The data group with this number (1–16).
    public init?(number: Int) {
        self.init(rawValue: number)
    }

    public static func < (lhs: DataGroup, rhs: DataGroup) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { "DG\(rawValue)" }
}
