/// Parses DG11 (tag `6B`).
public enum DG11Parser {
    /// Parses the bytes of DG11. Every element is optional (the tag list `5C` too: some
    /// encoders leave it out); unknown elements are kept in ``AdditionalPersonalDetails/otherElements``.
    public static func parse(_ bytes: [UInt8]) throws(LDSError) -> AdditionalPersonalDetails {
        let context = "DG11"
        let file = try TLVReader.file(bytes[...], tag: 0x6B, context: context)
        var details = AdditionalPersonalDetails()
        for element in try file.children(context: context) {
            let text = LDSText.utf8(element.value)
            switch element.tag {
            case 0x5C:
                details.tagList = try TagListParser.tags(element.value, context: context)
            case 0x5F0E: details.fullName = text
            case 0x5F0F: details.otherNames.append(text)  // some encoders omit the A0 template
            case 0xA0: details.otherNames += try OtherNamesParser.names(element, nameTag: 0x5F0F, context: context)
            case 0x5F10: details.personalNumber = text
            case 0x5F2B:
                guard let digits = LDSText.compactDigits(element.value, digits: 8) else {
                    throw .invalidValue(context: "\(context): full date of birth")
                }
                details.fullDateOfBirthText = digits
            case 0x5F11: details.placeOfBirth = text
            case 0x5F42: details.permanentAddress = text
            case 0x5F12: details.telephone = text
            case 0x5F13: details.profession = text
            case 0x5F14: details.title = text
            case 0x5F15: details.personalSummary = text
            case 0x5F16: details.proofOfCitizenship = Array(element.value)
            case 0x5F17: details.otherValidTravelDocumentNumbers = text
            case 0x5F18: details.custodyInformation = text
            default: details.otherElements.append(RawDataObject(tag: element.tag, value: Array(element.value)))
            }
        }
        return details
    }
}
