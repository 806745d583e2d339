/// Parses EF.COM (tag `60`).
public enum EFCOMParser {
    /// Parses the bytes of EF.COM.
    ///
    /// `60 { 5F01 LDS version, 5F36 Unicode version, 5C tag list }`. Unknown elements inside the
    /// template are ignored; the three above are required.
    public static func parse(_ bytes: [UInt8]) throws(LDSError) -> EFCOM {
        let file = try TLVReader.file(bytes[...], tag: 0x60, context: "EF.COM")
        var ldsVersion: String?
        var unicodeVersion: String?
        var tagList: [UInt8]?
        for element in try file.children(context: "EF.COM") {
            switch element.tag {
            case 0x5F01: ldsVersion = try LDSText.ascii(element.value, context: "EF.COM LDS version")
            case 0x5F36: unicodeVersion = try LDSText.ascii(element.value, context: "EF.COM Unicode version")
            case 0x5C: tagList = Array(element.value)
            default: continue
            }
        }
        guard let ldsVersion else { throw .unexpectedStructure(context: "EF.COM: LDS version 5F01 missing") }
        guard let unicodeVersion else {
            throw .unexpectedStructure(context: "EF.COM: Unicode version 5F36 missing")
        }
        guard let tagList else { throw .unexpectedStructure(context: "EF.COM: tag list 5C missing") }
        return EFCOM(
            ldsVersion: ldsVersion, unicodeVersion: unicodeVersion, tagList: tagList,
            dataGroups: tagList.compactMap { DataGroup(ldsTag: $0) })
    }
}
