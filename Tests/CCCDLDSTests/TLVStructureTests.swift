import Testing
@testable import CCCDLDS

@Suite("TLV structure faults")
struct TLVStructureTests {
    @Test func offsets() throws {
        let dg1 = TLV.element(0x61, TLV.element([0x5F, 0x1F], Array("P<VNM".utf8)))
        #expect(TLVStructure.firstFault(in: dg1) == nil)
        // Bytes after the first element are padding, as for the parsers.
        #expect(TLVStructure.firstFault(in: dg1 + [0x00, 0x00]) == nil)
        var inner = dg1
        inner[4] = 0x7F  // 5F1F declares more than 61 holds
        let fault = try #require(TLVStructure.firstFault(in: inner))
        #expect(fault.offset == 2 && fault.error.kind == .truncated)
        #expect(fault.description == "at byte offset 2: truncated input: tag 5F1F declares 127 value bytes, 5 present")
        #expect(TLVStructure.firstFault(in: [])?.offset == 0)
        #expect(TLVStructure.firstFault(in: Array(dg1.prefix(4)))?.offset == 0)
        // A bad tag byte deeper in: 00 at offset 4 inside 30 { 30 { … } }.
        #expect(TLVStructure.firstFault(in: [0x30, 0x05, 0x30, 0x03, 0x00, 0x01, 0x00]) == TLVFault(offset: 4, error: .invalidEncoding(context: "element: tag byte 00")))
        // Indefinite lengths (BER) are not followed.
        #expect(TLVStructure.firstFault(in: [0x30, 0x80, 0x04, 0x01, 0x00, 0x00, 0x00]) == nil)
    }
}
