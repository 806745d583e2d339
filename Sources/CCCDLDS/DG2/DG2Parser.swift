/// Parses DG2 (tag `75`): CBEFF templates holding facial records in ISO/IEC 19794-5 (`5F2E`) or
/// ISO/IEC 39794-5 (LDS 2: `7F2E` holding DER) encoding; callers get the same ``FaceBiometrics``.
public enum DG2Parser {
    /// Parses the bytes of DG2. Every template must hold a readable (not enciphered) facial record.
    public static func parse(_ bytes: [UInt8]) throws(LDSError) -> FaceBiometrics {
        let group = try BiometricGroupParser.parse(bytes, tag: 0x75)
        var records: [FacialRecord] = []
        for template in group.templates {
            records.append(try record(template))
        }
        return FaceBiometrics(group: group, records: records)
    }

    /// The first face's encoded image, or `nil` when `bytes` is not a DG2 this parser reads (callers
    /// comparing faces fall back to a lenient search, e.g. for a bare image).
    public static func primaryImage(_ bytes: [UInt8]) -> [UInt8]? {
        (try? parse(bytes))?.primaryFace?.imageData
    }

    /// The record of one template, by the encoding its data block starts with: `7F2E` was the
    /// enciphered block before LDS 2, and is the constructed 39794-5 block since.
    static func record(_ template: BiometricTemplate) throws(LDSError) -> FacialRecord {
        if ISO39794FaceRecordParser.recognises(template.dataBlock) {
            return try ISO39794FaceRecordParser.parse(template.dataBlock)
        }
        guard !template.isEnciphered else {
            throw .unexpectedStructure(context: "DG2: enciphered biometric data block 7F2E")
        }
        return try FacialRecordParser.parse(template.dataBlock)
    }
}
