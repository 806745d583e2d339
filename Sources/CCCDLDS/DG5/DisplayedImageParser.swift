/// Parses DG5 (`65 { 02 count, 5F40 portrait… }`) and DG7 (`67 { 02 count, 5F43 signature… }`).
public enum DisplayedImageParser {
    /// Parses the bytes of DG5 or DG7; `group` says which.
    public static func parse(_ bytes: [UInt8], group: DataGroup) throws(LDSError) -> DisplayedImages {
        let imageTag: UInt32
        switch group {
        case .dg5: imageTag = 0x5F40
        case .dg7: imageTag = 0x5F43
        default: throw .invalidValue(context: "displayed images exist only in DG5 and DG7")
        }
        let context = group.description
        let file = try TLVReader.file(bytes[...], tag: UInt32(group.ldsTag), context: context)
        var declaredCount: Int?
        var images: [[UInt8]] = []
        for element in try file.children(context: context) {
            switch element.tag {
            case 0x02:
                guard (1...4).contains(element.value.count) else { throw .invalidValue(context: "\(context): count") }
                declaredCount = element.value.reduce(0) { $0 << 8 | Int($1) }
            case imageTag:
                images.append(Array(element.value))
            default:
                continue
            }
        }
        guard let declaredCount else { throw .unexpectedStructure(context: "\(context): count 02 missing") }
        return DisplayedImages(declaredCount: declaredCount, images: images)
    }
}
