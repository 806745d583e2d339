/// Picks the parser for a file.
public enum LDSFileParser {
    /// Parses `bytes` as the content of `file`.
    ///
    /// Files this module does not interpret come back as ``LDSFileContent/notInterpreted(_:)``
    /// without looking at the bytes.
    public static func parse(_ file: LDSFile, bytes: [UInt8]) throws(LDSError) -> LDSFileContent {
        switch file {
        case .com: return .com(try EFCOMParser.parse(bytes))
        case .sod: return .sod(try SODParser.parse(bytes))
        case .cardSecurity: return .cardSecurity(try SignedDataParser.parse(contentInfo: bytes))
        case .cardAccess, .atrInfo: return .notInterpreted(file)
        case .dataGroup(let group):
            switch group {
            case .dg1: return .dg1(try DG1Parser.parse(bytes))
            case .dg2: return .dg2(try DG2Parser.parse(bytes))
            case .dg3, .dg4: return .biometrics(group, try BiometricGroupParser.parse(bytes, tag: group.ldsTag))
            case .dg5, .dg7: return .displayedImages(group, try DisplayedImageParser.parse(bytes, group: group))
            case .dg11: return .dg11(try DG11Parser.parse(bytes))
            case .dg12: return .dg12(try DG12Parser.parse(bytes))
            case .dg13: return .dg13(try DG13Parser.parse(bytes))
            case .dg15: return .dg15(try DG15Parser.parse(bytes))
            case .dg6, .dg8, .dg9, .dg10, .dg14, .dg16: return .notInterpreted(file)
            }
        }
    }
}
