/// Parses DG2 (tag `75`): CBEFF templates holding ISO/IEC 19794-5 facial records.
public enum DG2Parser {
    /// Parses the bytes of DG2. Every template must hold a readable (not enciphered) facial record.
    public static func parse(_ bytes: [UInt8]) throws(LDSError) -> FaceBiometrics {
        let group = try BiometricGroupParser.parse(bytes, tag: 0x75)
        var records: [FacialRecord] = []
        for template in group.templates {
            guard !template.isEnciphered else {
                throw .unexpectedStructure(context: "DG2: enciphered biometric data block 7F2E")
            }
            records.append(try FacialRecordParser.parse(template.dataBlock))
        }
        return FaceBiometrics(group: group, records: records)
    }
}
