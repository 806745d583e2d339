import CCCDPrimitives
import Testing

/// The strict ISO 7816-4 BER-TLV reader/writer of secure messaging and PACE (CCCDPrimitives.BERTLV).
@Suite struct BERTLVTests {
    @Test func encodesLongFormLengthsAndTwoByteTags() {
        let value = [UInt8](repeating: 0xAB, count: 200)
        #expect(BERTLV.encode(tag: 0x7F49, value: value) == [0x7F, 0x49, 0x81, 0xC8] + value)
        #expect(BERTLV.encodeLength(0x7F) == [0x7F])
        #expect(BERTLV.encodeLength(0x1234) == [0x82, 0x12, 0x34])
        #expect(BERTLV.encodeLength(0x012345) == [0x83, 0x01, 0x23, 0x45])
    }

    @Test func parsesWhatItWrites() throws {
        let bytes = BERTLV.encode(tag: 0x87, value: [0x01, 0x02]) + BERTLV.encode(tag: 0x5F1F, value: [])
        let objects = try BERTLV.parseAll(bytes)
        #expect(objects.map(\.tag) == [0x87, 0x5F1F])
        #expect(objects[0].value == [0x01, 0x02])
        #expect(Array(objects[1].encoded) == [0x5F, 0x1F, 0x00])
    }

    @Test func rejectsWhatItDoesNotGuess() {
        // A fourth tag byte, an indefinite length, four length octets, a cut-off value.
        #expect(throws: BERTLV.ParseError.invalidTag) { try BERTLV.parseAll([0x5F, 0x81, 0x82, 0x03, 0x00]) }
        #expect(throws: BERTLV.ParseError.invalidLength) { try BERTLV.parseAll([0x80, 0x80, 0x00, 0x00]) }
        #expect(throws: BERTLV.ParseError.invalidLength) { try BERTLV.parseAll([0x80, 0x84, 0, 0, 0, 1, 0]) }
        #expect(throws: BERTLV.ParseError.truncated) { try BERTLV.parseAll([0x80, 0x82, 0x01]) }
        #expect(throws: BERTLV.ParseError.truncated) { try BERTLV.parseAll([0x80, 0x03, 0x01, 0x02]) }
        #expect(throws: BERTLV.ParseError.truncated) { try BERTLV.parseAll([0x7F]) }
    }

    @Test func integerContentIsMinimalAndNonNegative() {
        #expect(BERTLV.integerContent(0) == [0x00])
        #expect(BERTLV.integerContent(13) == [0x0D])
        #expect(BERTLV.integerContent(0x80) == [0x00, 0x80])
        #expect(BERTLV.integerContent(0x0102) == [0x01, 0x02])
    }

    @Test func headerDecoderHonoursItsLimits() throws {
        let header = try BERTLVHeader.decode([0x7F, 0x61, 0x82, 0x01, 0x00][...])
        #expect(header.tag == 0x7F61 && header.isConstructed && header.headerLength == 5)
        #expect(header.length == .definite(256))
        #expect(try BERTLVHeader.decode([0x30, 0x80][...]).length == .indefinite)
        #expect(throws: BERTLVHeader.DecodeError.lengthFieldTooLong(octets: 5)) {
            try BERTLVHeader.decode([0x04, 0x85, 0, 0, 0, 0, 1][...], maximumLengthOctets: 4)
        }
        #expect(throws: BERTLVHeader.DecodeError.truncatedLength) { try BERTLVHeader.decode([0x04][...]) }
    }
}
