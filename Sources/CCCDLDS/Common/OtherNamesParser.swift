/// Reads the `A0 { 02 count, <tag> name … }` template used for other names (DG11 `5F0F`) and other
/// persons (DG12 `5F1A`).
enum OtherNamesParser {
    static func names(_ element: TLVElement, nameTag: UInt32, context: String) throws(LDSError) -> [String] {
        var names: [String] = []
        for child in try element.children(context: context) where child.tag == nameTag {
            names.append(LDSText.utf8(child.value))
        }
        return names
    }
}
