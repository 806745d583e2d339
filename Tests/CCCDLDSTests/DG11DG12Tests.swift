import CCCDTestSupport
import Testing
@testable import CCCDLDS

@Suite("DG11 and DG12")
struct DG11DG12Tests {
    @Test(.enabled(if: SharedFolder.available("samples"), "needs ../shared/samples (not found)"))
    func dg11Sample() throws {
        let dg11 = try DG11Parser.parse(try Samples.bytes(Samples.dg11))
        #expect(dg11.tagList == [0x5F0E, 0x5F10, 0x5F2B, 0x5F11, 0x5F42, 0x5F12, 0x5F13, 0x5F14, 0x5F15, 0x5F16, 0x5F18, 0xA0])
        #expect(dg11.fullName == "Doe John")
        #expect(dg11.otherNames == ["William"])
        #expect(dg11.personalNumber == "123")
        #expect(dg11.fullDateOfBirthText == "19700101")  // stored as BCD
        #expect(dg11.fullDateOfBirth?.isoText == "1970-01-01")
        #expect(dg11.placeOfBirth == "TEST<TEST")
        #expect(dg11.permanentAddress == "TEST<TEST")
        #expect(dg11.telephone == "123")
        #expect(dg11.profession == "TEST" && dg11.title == "TEST" && dg11.personalSummary == "TEST")
        #expect(dg11.proofOfCitizenship == [0x00])
        #expect(dg11.otherValidTravelDocumentNumbers == "123<123")
        #expect(dg11.custodyInformation == "TEST")
        #expect(dg11.otherElements.isEmpty)
    }

    @Test(.enabled(if: SharedFolder.available("samples"), "needs ../shared/samples (not found)"))
    func dg12Sample() throws {
        let dg12 = try DG12Parser.parse(try Samples.bytes(Samples.dg12))
        #expect(dg12.tagList.isEmpty)  // this sample has no 5C
        #expect(dg12.issuingAuthority == "TEST")
        #expect(dg12.dateOfIssueText == "20240101")
        #expect(dg12.dateOfIssue?.isoText == "2024-01-01")
        #expect(dg12.namesOfOtherPersons == ["William"])
        #expect(dg12.endorsementsAndObservations == "TEST")
        #expect(dg12.taxOrExitRequirements == "TEST")
        #expect(dg12.imageOfFront == [0x00] && dg12.imageOfRear == [0x00])
        #expect(dg12.personalizationTimeText == "20240101123059")
        #expect(dg12.personalizationSystemSerialNumber == "123")
    }

    @Test func utf8AsciiDatesAndUnknownTags() throws {
        let dg11 = TLV.element(0x6B,
            TLV.element(0x5C, [0x5F, 0x0E, 0x5F, 0x2B, 0x5F, 0x42])
            + TLV.element([0x5F, 0x0E], Array("NGUYỄN<<VĂN<AN".utf8))
            + TLV.element([0x5F, 0x2B], Array("19900815".utf8))
            + TLV.element([0x5F, 0x42], Array("Hà Nội".utf8))
            + TLV.element([0x5F, 0x0F], Array("An".utf8))
            + TLV.element([0x5F, 0x77], [0x01, 0x02]))
        let details = try DG11Parser.parse(dg11)
        #expect(details.tagList == [0x5F0E, 0x5F2B, 0x5F42])
        #expect(details.fullName == "NGUYỄN<<VĂN<AN")
        #expect(details.fullDateOfBirth?.isoText == "1990-08-15")
        #expect(details.permanentAddress == "Hà Nội")
        #expect(details.otherNames == ["An"])
        #expect(details.otherElements == [RawDataObject(tag: 0x5F77, value: [0x01, 0x02])])
        let dg12 = TLV.element(0x6C, TLV.element([0x5F, 0x26], Array("20210710".utf8)) + TLV.element([0x5F, 0x19], Array("Cục Cảnh sát".utf8)))
        let document = try DG12Parser.parse(dg12)
        #expect(document.dateOfIssue?.isoText == "2021-07-10")
        #expect(document.issuingAuthority == "Cục Cảnh sát")
    }

    @Test(.enabled(if: SharedFolder.available("samples"), "needs ../shared/samples (not found)"))
    func malformed() throws {
        #expect(kind { try DG11Parser.parse([]) } == .truncated)
        #expect(kind { try DG11Parser.parse(hex("6C 00")) } == .wrongTag)
        #expect(kind { try DG12Parser.parse(hex("6B 00")) } == .wrongTag)
        #expect(kind { try DG11Parser.parse(hex("6B 84 FF FF FF FF")) } == .tooLarge)
        #expect(kind { try DG11Parser.parse(hex("6B 05 5F 0E 10 41 42")) } == .truncated)
        #expect(kind { try DG11Parser.parse(hex("6B 80 5F 0E 01 41 00 00")) } == .invalidEncoding)
        #expect(kind { try DG11Parser.parse(hex("6B 05 5F 2B 02 19 70")) } == .invalidValue)
        #expect(kind { try DG11Parser.parse(hex("6B 03 5C 01 5F")) } == .truncated)
        #expect(kind { try DG11Parser.parse(hex("6B 04 A0 02 02 05")) } == .truncated)
        #expect(kind { try DG12Parser.parse(hex("6C 05 5F 26 02 20 24")) } == .invalidValue)
        #expect(kind { try DG12Parser.parse(hex("6C 05 5F 55 02 20 24")) } == .invalidValue)
        #expect(kind { try DG12Parser.parse(hex("6C 03 5F 19 05")) } == .truncated)
        let sample = try Samples.bytes(Samples.dg11)
        for length in 0..<sample.count {
            #expect(kind { try DG11Parser.parse(Array(sample.prefix(length))) } != nil)
        }
    }
}
