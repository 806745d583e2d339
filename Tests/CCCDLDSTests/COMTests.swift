import CCCDTestSupport
import Testing
@testable import CCCDLDS

@Suite("EF.COM")
struct COMTests {
    @Test(.enabled(if: SharedFolder.available("samples"), "needs ../shared/samples (not found)"))
    func bsi2008() throws {
        let com = try EFCOMParser.parse(try Samples.bytes(Samples.bsiCOM))
        #expect(com.ldsVersion == "0107")
        #expect(com.ldsVersionText == "1.7")
        #expect(com.unicodeVersion == "040000")
        #expect(com.unicodeVersionText == "4.0.0")
        #expect(com.tagList == [0x61, 0x75, 0x63, 0x6E])
        #expect(com.dataGroups == [.dg1, .dg2, .dg3, .dg14])
    }

    @Test(.enabled(if: SharedFolder.available("samples"), "needs ../shared/samples (not found)"))
    func loes2006() throws {
        let com = try EFCOMParser.parse(try Samples.bytes(Samples.loesCOM))
        #expect(com.ldsVersion == "0107")
        #expect(com.tagList == [0x61, 0x75, 0x6F])
        #expect(com.dataGroups == [.dg1, .dg2, .dg15])
    }

    @Test func vietnameseCardList() throws {
        // EF.COM as CCCD cards list it: DG1, DG2, DG3, DG13, DG14, DG15.
        let bytes = TLV.element(0x60, TLV.element([0x5F, 0x01], Array("0108".utf8))
            + TLV.element([0x5F, 0x36], Array("040000".utf8)) + TLV.element(0x5C, [0x61, 0x75, 0x63, 0x6D, 0x6E, 0x6F, 0x99]))
        let com = try EFCOMParser.parse(bytes)
        #expect(com.dataGroups == [.dg1, .dg2, .dg3, .dg13, .dg14, .dg15])
        #expect(com.tagList.last == 0x99)
    }

    @Test func malformed() {
        #expect(kind { try EFCOMParser.parse([]) } == .truncated)
        #expect(kind { try EFCOMParser.parse(hex("61 03 5C 01 61")) } == .wrongTag)
        #expect(kind { try EFCOMParser.parse(hex("60 16 5F 01 04 30")) } == .truncated)
        #expect(kind { try EFCOMParser.parse(hex("60 05 5F 01 04 30 31")) } == .truncated)
        #expect(kind { try EFCOMParser.parse(hex("60 84 FF FF FF FF 5F 01")) } == .tooLarge)
        #expect(kind { try EFCOMParser.parse(hex("60 80 5F 01 02 30 31 00 00")) } == .invalidEncoding)
        #expect(kind { try EFCOMParser.parse(hex("60 03 5C 01 61")) } == .unexpectedStructure)
        #expect(kind { try EFCOMParser.parse(hex("60 05 5F 01 02 30 FF")) } == .invalidValue)
        #expect(kind { try EFCOMParser.parse(hex("40 00")) } == .wrongTag)
    }
}
