import CCCDTestSupport
import Testing
import CCCDMRZ
@testable import CCCDLDS

@Suite("DG1")
struct DG1Tests {
    @Test(.enabled(if: SharedFolder.available("samples"), "needs ../shared/samples (not found)"))
    func bsi2008() throws {
        let dg1 = try DG1Parser.parse(try Samples.bytes(Samples.bsiDG1))
        #expect(dg1.mrzText.count == 88)
        #expect(dg1.mrz.format == .td3)
        #expect(dg1.mrz.documentCode == "P<")
        #expect(dg1.mrz.issuingState == "D<<")
        #expect(dg1.mrz.documentNumber == "C11T002JM")
        #expect(dg1.mrz.primaryIdentifier == "MUSTERMANN")
        #expect(dg1.mrz.secondaryIdentifier == "ERIKA")
        #expect(dg1.mrz.dateOfBirth.text == "960812")
        #expect(dg1.mrz.dateOfExpiry.text == "131031")
        #expect(dg1.mrz.sex == "F")
        #expect(dg1.vietnamesePersonalNumber == nil)
        // Identical file in the ETSI set.
        #expect(try DG1Parser.parse(try Samples.bytes(Samples.etsiDG1)) == dg1)
        #expect(!String(describing: dg1).contains("MUSTERMANN"))
    }

    @Test(.enabled(if: SharedFolder.available("samples"), "needs ../shared/samples (not found)"))
    func tr03105() throws {
        let dg1 = try DG1Parser.parse(try Samples.bytes(Samples.tr03105DG1))
        #expect(dg1.mrz.documentNumber == "C11T002JM")
        #expect(dg1.mrz.dateOfExpiry.text == "231031")
        #expect(dg1.mrz.fullName == "MUSTERMANN ERIKA")
    }

    @Test(.enabled(if: SharedFolder.available("samples"), "needs ../shared/samples (not found)"))
    func loes2006() throws {
        let dg1 = try DG1Parser.parse(try Samples.bytes(Samples.loesDG1))
        #expect(dg1.mrz.format == .td3)
        #expect(dg1.mrz.issuingState == "NLD")
        #expect(dg1.mrz.nationality == "NLD")
        #expect(dg1.mrz.documentNumber == "XX0001328")
        #expect(dg1.mrz.primaryIdentifier == "MEULENDIJK")
        #expect(dg1.mrz.secondaryIdentifier == "LOES ALBERTINE")
        #expect(dg1.mrz.dateOfBirth.text == "711019")
        #expect(dg1.mrz.dateOfExpiry.text == "111001")
        #expect(dg1.mrz.optionalData.first?.hasPrefix("123456789") == true)
    }

    static let vietnameseMRZ = "IDVNM0900123450001090012345<<1" + "9008157M3008155VNM<<<<<<<<<<<2" + "NGUYEN<<VAN<AN<<<<<<<<<<<<<<<<"

    @Test func vietnameseTD1() throws {
        let bytes = TLV.element(0x61, TLV.element([0x5F, 0x1F], Array(Self.vietnameseMRZ.utf8)))
        let dg1 = try DG1Parser.parse(bytes)
        #expect(dg1.mrz.format == .td1)
        #expect(dg1.mrz.documentCode == "ID")
        #expect(dg1.mrz.issuingState == "VNM")
        #expect(dg1.mrz.documentNumber == "090012345")
        #expect(dg1.vietnamesePersonalNumber == "001090012345")
        #expect(dg1.mrz.primaryIdentifier == "NGUYEN")
        #expect(dg1.mrz.secondaryIdentifier == "VAN AN")
        #expect(dg1.mrz.sex == "M")
    }

    @Test func malformed() throws {
        #expect(kind { try DG1Parser.parse([]) } == .truncated)
        #expect(kind { try DG1Parser.parse(hex("60 00")) } == .wrongTag)
        #expect(kind { try DG1Parser.parse(hex("61 00")) } == .unexpectedStructure)
        #expect(kind { try DG1Parser.parse(hex("61 84 FF FF FF FF 5F 1F")) } == .tooLarge)
        #expect(kind { try DG1Parser.parse(hex("61 5B 5F 1F 58 50")) } == .truncated)
        #expect(kind { try DG1Parser.parse(hex("61 05 5F 1F 58 50 3C")) } == .truncated)
        #expect(kind { try DG1Parser.parse(hex("61 80 5F 1F 01 50 00 00")) } == .invalidValue)  // BER indefinite outer: short MRZ
        #expect(kind { try DG1Parser.parse(hex("61 05 5F 1F 02 50 3C")) } == .invalidValue)
        #expect(kind { try DG1Parser.parse(hex("61 05 5F 1F 02 50 61")) } == .invalidValue)
        // A wrong check digit: a typed error that does not repeat the MRZ.
        var broken = Array(Self.vietnameseMRZ.utf8)
        broken[36] = UInt8(ascii: "9")  // date-of-birth check digit
        let bytes = TLV.element(0x61, TLV.element([0x5F, 0x1F], broken))
        do {
            _ = try DG1Parser.parse(bytes)
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .invalidValue)
            #expect(!error.description.contains("900815"))
            #expect(error.description.contains("date of birth"))
        }
        #expect(try DG1Parser.mrzText(bytes).count == 90)
    }
}
