/// Parses the CBEFF structure shared by DG2, DG3 and DG4:
/// `tag { 7F61 { 02 count, 7F60 { A1 header, 5F2E|7F2E data } … } }`.
///
/// Walked with the BER-TLV helper: the data block is binary (ISO/IEC 19794) or enciphered, not ASN.1.
public enum BiometricGroupParser {
    /// Parses a biometric data group whose outer template carries `tag` (`75` DG2, `63` DG3, `76` DG4).
    public static func parse(_ bytes: [UInt8], tag: UInt8) throws(LDSError) -> BiometricInformationGroup {
        let name = DataGroup(ldsTag: tag)?.description ?? "biometric group"
        let file = try TLVReader.file(bytes[...], tag: UInt32(tag), context: name)
        let children = try file.children(context: name)
        guard let group = children.first(where: { $0.tag == 0x7F61 }) else {
            throw .wrongTag(expected: [0x7F61], found: children.first?.tag ?? 0, context: "\(name) content")
        }
        var declaredCount: Int?
        var templates: [BiometricTemplate] = []
        for element in try group.children(context: "\(name) 7F61") {
            switch element.tag {
            case 0x02:
                guard (1...4).contains(element.value.count) else {
                    throw .invalidValue(context: "\(name): instance count")
                }
                declaredCount = element.value.reduce(0) { $0 << 8 | Int($1) }
            case 0x7F60:
                guard templates.count < LDSLimits.maximumBiometricCount else {
                    throw .tooLarge(context: "\(name): more than \(LDSLimits.maximumBiometricCount) templates")
                }
                templates.append(try template(element, context: "\(name) 7F60"))
            default:
                continue
            }
        }
        guard let declaredCount else { throw .unexpectedStructure(context: "\(name): instance count 02 missing") }
        guard !templates.isEmpty else { throw .unexpectedStructure(context: "\(name): no 7F60 template") }
        return BiometricInformationGroup(declaredCount: declaredCount, templates: templates)
    }

    static func template(_ element: TLVElement, context: String) throws(LDSError) -> BiometricTemplate {
        var header: BiometricHeader?
        var data: (bytes: [UInt8], enciphered: Bool)?
        for child in try element.children(context: context) {
            switch child.tag {
            case 0xA1: header = try biometricHeader(child, context: "\(context) A1")
            case 0x5F2E: data = (Array(child.value), false)
            case 0x7F2E: data = (Array(child.value), true)
            default: continue
            }
        }
        guard let header else { throw .unexpectedStructure(context: "\(context): header A1 missing") }
        guard let data else { throw .unexpectedStructure(context: "\(context): data block 5F2E/7F2E missing") }
        return BiometricTemplate(header: header, dataBlock: data.bytes, isEnciphered: data.enciphered)
    }

    static func biometricHeader(_ element: TLVElement, context: String) throws(LDSError) -> BiometricHeader {
        var header = BiometricHeader()
        for child in try element.children(context: context) {
            let value = Array(child.value)
            switch child.tag {
            case 0x80: header.patronHeaderVersion = value
            case 0x81: header.biometricType = value
            case 0x82: header.biometricSubtype = value
            case 0x83: header.creationDate = value
            case 0x85: header.validityPeriod = value
            case 0x86: header.creator = value
            case 0x87: header.formatOwner = value
            case 0x88: header.formatType = value
            default: header.otherElements.append(RawDataObject(tag: child.tag, value: value))
            }
        }
        return header
    }
}
