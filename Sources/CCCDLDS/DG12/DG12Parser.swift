/// Parses DG12 (tag `6C`).
public enum DG12Parser {
    /// Parses the bytes of DG12. Every element is optional (the tag list `5C` too: some
    /// encoders leave it out); unknown elements are kept in ``AdditionalDocumentDetails/otherElements``.
    public static func parse(_ bytes: [UInt8]) throws(LDSError) -> AdditionalDocumentDetails {
        let context = "DG12"
        let file = try TLVReader.file(bytes[...], tag: 0x6C, context: context)
        var details = AdditionalDocumentDetails()
        for element in try file.children(context: context) {
            let text = LDSText.utf8(element.value)
            switch element.tag {
            case 0x5C:
                details.tagList = try TagListParser.tags(element.value, context: context)
            case 0x5F19: details.issuingAuthority = text
            case 0x5F26:
                guard let digits = LDSText.compactDigits(element.value, digits: 8) else {
                    throw .invalidValue(context: "\(context): date of issue")
                }
                details.dateOfIssueText = digits
            case 0x5F1A: details.namesOfOtherPersons.append(text)  // some encoders omit the A0 template
            case 0xA0:
                details.namesOfOtherPersons += try OtherNamesParser.names(element, nameTag: 0x5F1A, context: context)
            case 0x5F1B: details.endorsementsAndObservations = text
            case 0x5F1C: details.taxOrExitRequirements = text
            case 0x5F1D: details.imageOfFront = Array(element.value)
            case 0x5F1E: details.imageOfRear = Array(element.value)
            case 0x5F55:
                guard let digits = LDSText.compactDigits(element.value, digits: 14) else {
                    throw .invalidValue(context: "\(context): personalisation time")
                }
                details.personalizationTimeText = digits
            case 0x5F56: details.personalizationSystemSerialNumber = text
            default: details.otherElements.append(RawDataObject(tag: element.tag, value: Array(element.value)))
            }
        }
        return details
    }
}
