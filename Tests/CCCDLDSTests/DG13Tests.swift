import Foundation
import Testing
@testable import CCCDLDS

@Suite("DG13 (Vietnamese citizen data)")
struct DG13Tests {
    typealias V = DG13Vectors

    @Test func allSixteenIndices() throws {
        let citizen = try DG13Parser.parse(V.fullCard)
        #expect(citizen.version == 1)
        #expect(citizen.encodingIdentifier == ObjectIdentifiers.iso10646UTF8)
        #expect(citizen.personalNumber == "001090012345")
        #expect(citizen.fullName == "Nguyễn Văn An")
        #expect(citizen.dateOfBirth == CalendarDate(year: 1990, month: 8, day: 15))
        #expect(citizen.dateOfBirth?.isoText == "1990-08-15")
        #expect(citizen.sex == "Nam")
        #expect(citizen.nationality == "Việt Nam")
        #expect(citizen.ethnicity == "Kinh")
        #expect(citizen.religion == "Không")
        #expect(citizen.placeOfOrigin == "Đông Hội, Đông Anh, Hà Nội")
        #expect(citizen.placeOfResidence == "Số 12 Phố Huế, Hai Bà Trưng, Hà Nội")
        #expect(citizen.identifyingMarks == "Nốt ruồi C:2cm trên sau đuôi mắt phải")
        #expect(citizen.dateOfIssue?.isoText == "2021-07-10")
        #expect(citizen.dateOfExpiry?.isoText == "2030-08-15")
        #expect(!citizen.hasNoExpiry)
        #expect(citizen.fatherName == "Nguyễn Văn Bình")
        #expect(citizen.motherName == "Trần Thị Hoa")
        #expect(citizen.spouseName == "Lê Thị Mai")
        #expect(citizen.oldIdNumber == "012345678")
        #expect(citizen.fields.keys.sorted() == Array(1...16))
        #expect(citizen.fields[16] == ["ABCDEF0123456789"])
        #expect(citizen.fields[13] == ["Nguyễn Văn Bình", "Trần Thị Hoa"])
        #expect(citizen.unknownFields.isEmpty)
        #expect(citizen.strings(.parents).count == 2)
    }

    @Test func utf8BytesAreKeptExactly() throws {
        let citizen = try DG13Parser.parse(V.fullCard)
        // "Nguyễn" in NFC: ễ = U+1EC5 = E1 BB 85.
        #expect(Array(citizen.fullName?.utf8 ?? "".utf8) == Array("Nguyễn Văn An".utf8))
        #expect(citizen.fullName?.utf8.contains(0xE1) == true)
    }

    @Test func fieldsAreFoundByIndexNotPosition() throws {
        let shuffled = Array(V.fullCardFields.reversed())
        let reference = try DG13Parser.parse(V.fullCard)
        let citizen = try DG13Parser.parse(V.file(shuffled))
        #expect(citizen == reference)
    }

    @Test func womanWithoutExpiry() throws {
        let bytes = V.file([
            V.field(2, TLV.utf8("Phạm Thị Lan")),
            V.field(4, TLV.utf8("Nữ")),
            V.field(3, TLV.printable("01/01/1960")),
            V.field(12, TLV.utf8("Không thời hạn")),
        ])
        let citizen = try DG13Parser.parse(bytes)
        #expect(citizen.sex == "Nữ")
        #expect(citizen.dateOfExpiry == nil)
        #expect(citizen.hasNoExpiry)
        #expect(citizen.fields[12] == ["Không thời hạn"])
    }

    @Test func noExpiryInDecomposedForm() throws {
        let decomposed = "Không thời hạn".decomposedStringWithCanonicalMapping
        #expect(Array(decomposed.utf8) != Array("Không thời hạn".utf8))
        let citizen = try DG13Parser.parse(V.file([V.field(12, TLV.utf8(decomposed))]))
        #expect(citizen.hasNoExpiry)
        #expect(citizen.dateOfExpiry == nil)
        // Kept verbatim: the bytes are the decomposed ones.
        #expect(Array(citizen.fields[12]?.first?.utf8 ?? "".utf8) == Array(decomposed.utf8))
    }

    @Test(arguments: [
        // Flat: both names directly after the index.
        DG13Vectors.field(13, DG13Vectors.father, DG13Vectors.mother),
        // One SEQUENCE each.
        DG13Vectors.field(13, TLV.sequence(DG13Vectors.father), TLV.sequence(DG13Vectors.mother)),
        // Both inside one SEQUENCE, each in its own.
        DG13Vectors.field(13, TLV.sequence(TLV.sequence(DG13Vectors.father), TLV.sequence(DG13Vectors.mother))),
        // Sub-indices before each name.
        DG13Vectors.field(13, TLV.sequence(TLV.integer(1), DG13Vectors.father), TLV.sequence(TLV.integer(2), DG13Vectors.mother)),
        // Deeper nesting with a SET and mixed string types.
        DG13Vectors.field(13, TLV.set(TLV.sequence(TLV.sequence(DG13Vectors.father)), TLV.element(0x1E, utf16BE("Trần Thị Hoa")))),
    ])
    func parentVariants(element: [UInt8]) throws {
        let citizen = try DG13Parser.parse(V.file([V.field(2, TLV.utf8("Nguyễn Văn An")), element]))
        #expect(citizen.fatherName == "Nguyễn Văn Bình")
        #expect(citizen.motherName == "Trần Thị Hoa")
        #expect(citizen.fields[13] == ["Nguyễn Văn Bình", "Trần Thị Hoa"])
    }

    @Test func emptySpouse() throws {
        let spouse = hex("30 03 02 01 0E")
        let citizen = try DG13Parser.parse(V.file([V.field(2, TLV.utf8("Nguyễn Văn An")), spouse]))
        #expect(citizen.spouseName == nil)
        #expect(citizen.fields[14] == [])
        #expect(citizen.fields.keys.sorted() == [2, 14])
    }

    @Test func unknownIndexKeptRaw() throws {
        let unknown = V.field(17, TLV.printable("XYZ-42"), TLV.element(0x04, [0xFF, 0x00]), TLV.integer(5))
        let citizen = try DG13Parser.parse(V.file(V.fullCardFields + [unknown]))
        #expect(citizen.fields[17] == ["XYZ-42"])
        #expect(citizen.unknownFields[17] == [unknown])
        #expect(citizen.fullName == "Nguyễn Văn An")
    }

    @Test func card2024WithEmptyFields() throws {
        let bytes = V.file([
            V.field(1, TLV.printable("079203001234")),
            V.field(2, TLV.utf8("Trần Minh Châu")),
            V.field(3, TLV.printable("02/03/2003")),
            V.field(4, TLV.utf8("Nữ")),
            V.field(5, TLV.utf8("Việt Nam")),
            V.field(6, TLV.utf8("")),
            V.field(7, TLV.utf8("")),
            V.field(8, TLV.utf8("")),
            V.field(9, TLV.utf8("Phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh")),
            V.field(10, TLV.utf8("")),
            V.field(11, TLV.printable("01/07/2024")),
            V.field(12, TLV.utf8("02/03/2028")),
            V.field(13, TLV.sequence(TLV.utf8("")), TLV.sequence(TLV.utf8(""))),
            hex("30 03 02 01 0E"),
            V.field(15, TLV.printable("")),
        ])
        let citizen = try DG13Parser.parse(bytes)
        #expect(citizen.personalNumber == "079203001234")
        #expect(citizen.fullName == "Trần Minh Châu")
        #expect(citizen.sex == "Nữ")
        #expect(citizen.ethnicity == nil && citizen.religion == nil && citizen.placeOfOrigin == nil)
        #expect(citizen.identifyingMarks == nil)
        #expect(citizen.placeOfResidence == "Phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh")
        #expect(citizen.fatherName == nil && citizen.motherName == nil && citizen.spouseName == nil)
        #expect(citizen.oldIdNumber == nil)
        #expect(citizen.fields[6] == [""])
        #expect(citizen.fields[13] == ["", ""])
        #expect(citizen.dateOfIssue?.isoText == "2024-07-01")
        #expect(citizen.dateOfExpiry?.isoText == "2028-03-02")
    }

    @Test func onlyMotherKnown() throws {
        let citizen = try DG13Parser.parse(V.file([V.field(13, TLV.utf8(""), DG13Vectors.mother)]))
        #expect(citizen.fatherName == nil)
        #expect(citizen.motherName == "Trần Thị Hoa")
    }

    @Test func otherStringTypes() throws {
        let bytes = V.file([
            V.field(1, TLV.element(0x12, Array("001090012345".utf8))),  // NumericString
            V.field(2, TLV.element(0x1E, utf16BE("Nguyễn Văn An"))),  // BMPString
            V.field(4, TLV.element(0x16, Array("Nam".utf8))),  // IA5String
            V.field(5, TLV.element(0x14, Array("Việt Nam".utf8))),  // TeletexString holding UTF-8
            V.field(6, TLV.element(0x14, [0x4B, 0xE9])),  // TeletexString, not UTF-8: read as Latin-1
            V.field(7, TLV.element(0x1C, utf32BE("Không"))),  // UniversalString
            V.field(8, TLV.element(0x04, Array("Hà Nội".utf8))),  // OCTET STRING holding UTF-8
            V.field(9, TLV.element(0x0C, [0x48, 0xC3])),  // invalid UTF-8 is repaired, not rejected
        ])
        let citizen = try DG13Parser.parse(bytes)
        #expect(citizen.personalNumber == "001090012345")
        #expect(citizen.fullName == "Nguyễn Văn An")
        #expect(citizen.sex == "Nam")
        #expect(citizen.nationality == "Việt Nam")
        #expect(citizen.ethnicity == "Ké")
        #expect(citizen.religion == "Không")
        #expect(citizen.placeOfOrigin == "Hà Nội")
        #expect(citizen.placeOfResidence == "H\u{FFFD}")
    }

    @Test func constructedBERStrings() throws {
        // BER allows a UTF8String split into segments.
        let segmented = [0x2C, 0x80] + TLV.utf8("Nguyễn ") + TLV.utf8("Văn An") + [0x00, 0x00]
        let citizen = try DG13Parser.parse(V.file([V.field(2, segmented)]))
        #expect(citizen.fullName == "Nguyễn Văn An")
    }

    @Test func layoutVariants() throws {
        // Fields directly in the top SEQUENCE, no SET.
        let direct = TLV.element(0x6D, TLV.sequence(TLV.integer(1), TLV.utf8OID, V.field(2, TLV.utf8("Nguyễn Văn An"))))
        #expect(try DG13Parser.parse(direct).fullName == "Nguyễn Văn An")
        // No version, no OID.
        let bare = TLV.element(0x6D, TLV.sequence(TLV.set(V.field(2, TLV.utf8("Nguyễn Văn An")))))
        let citizen = try DG13Parser.parse(bare)
        #expect(citizen.fullName == "Nguyễn Văn An" && citizen.version == nil && citizen.encodingIdentifier == nil)
        // Fields directly under 6D.
        let flat = TLV.element(0x6D, V.field(2, TLV.utf8("Nguyễn Văn An")) + V.field(4, TLV.utf8("Nam")))
        #expect(try DG13Parser.parse(flat).sex == "Nam")
        // SEQUENCE container instead of SET, with trailing padding after the file.
        let sequenceContainer =
            TLV.element(0x6D, TLV.sequence(TLV.integer(1), TLV.utf8OID, TLV.sequence(V.field(4, TLV.utf8("Nữ"))))) + [0x00, 0xFF]
        #expect(try DG13Parser.parse(sequenceContainer).sex == "Nữ")
        // Indefinite lengths, as BER allows.
        let indefinite = [0x6D, 0x80, 0x30, 0x80] + TLV.integer(1) + TLV.utf8OID + [0x31, 0x80]
            + V.field(2, TLV.utf8("Nguyễn Văn An")) + [0x00, 0x00, 0x00, 0x00, 0x00, 0x00]
        #expect(try DG13Parser.parse(indefinite).fullName == "Nguyễn Văn An")
        // Empty DG13.
        #expect(try DG13Parser.parse(hex("6D 00")).fields.isEmpty)
        // Dates that are not complete dates stay text only.
        let partial = try DG13Parser.parse(V.file([V.field(3, TLV.printable("1950")), V.field(11, TLV.printable("31/02/2021"))]))
        #expect(partial.dateOfBirth == nil && partial.fields[3] == ["1950"] && partial.dateOfIssue == nil)
    }

    @Test func jsonMatchesTheCitizenBlock() throws {
        let citizen = try DG13Parser.parse(V.file(V.fullCardFields + [V.field(12, TLV.utf8("Không thời hạn"))]))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = try #require(String(data: try encoder.encode(citizen), encoding: .utf8))
        #expect(json.contains(#""dateOfBirth":"1990-08-15""#))
        #expect(json.contains(#""fullName":"Nguyễn Văn An""#))
        #expect(json.contains(#""2":["Nguyễn Văn An"]"#))
        // Index 12 repeated: the first string is the date, the second the text.
        #expect(citizen.fields[12] == ["15/08/2030", "Không thời hạn"])
        let decoded = try JSONDecoder().decode(CitizenData.self, from: try encoder.encode(citizen))
        #expect(decoded == citizen)
    }

    @Test func malformed() throws {
        #expect(kind { try DG13Parser.parse([]) } == .truncated)
        #expect(kind { try DG13Parser.parse(hex("6C 00")) } == .wrongTag)
        #expect(kind { try DG13Parser.parse(hex("6D 05 30 03 02 01")) } == .truncated)
        #expect(kind { try DG13Parser.parse(hex("6D 10 30 00")) } == .truncated)
        #expect(kind { try DG13Parser.parse(hex("6D 84 FF FF FF FF 30 00")) } == .tooLarge)
        #expect(kind { try DG13Parser.parse(hex("6D 88 00 00 00 00 00 00 00 02 30 00")) } == .tooLarge)
        #expect(kind { try DG13Parser.parse(hex("6D 04 30 84 FF FF")) } == .truncated)
        #expect(kind { try DG13Parser.parse(hex("6D 80 30 80 02 01 01")) } == .truncated)
        #expect(kind { try DG13Parser.parse(hex("6D 03 02 80 01")) } == .invalidEncoding)
        // Negative and oversized indices.
        #expect(kind { try DG13Parser.parse(V.file([hex("30 05 02 01 FF 0C 00")])) } == .invalidValue)
        let hugeIndex = TLV.sequence(TLV.element(0x02, [0x01] + Array(repeating: 0, count: 20)), TLV.utf8("x"))
        #expect(kind { try DG13Parser.parse(V.file([hugeIndex])) } == .invalidValue)
        // A primitive 6D.
        #expect(kind { try DG13Parser.parse(hex("4D 01 00")) } == .wrongTag)
        // Long-form tag number below 31 (invalid ASN.1).
        #expect(kind { try DG13Parser.parse(hex("6D 03 1F 01 00")) } == .invalidEncoding)
        // Malformed OID.
        #expect(kind { try DG13Parser.parse(hex("6D 05 30 03 06 01 80")) } != nil)
    }

    @Test func deepNesting() throws {
        // 10 000 nested SEQUENCEs with definite lengths.
        var nested: [UInt8] = TLV.utf8("x")
        for _ in 0..<10_000 { nested = TLV.element(0x30, nested) }
        #expect(kind { try DG13Parser.parse(TLV.element(0x6D, nested)) } == .tooDeep)
        // 10 000 indefinite-length SEQUENCEs.
        var indefinite: [UInt8] = [0x6D, 0x80]
        for _ in 0..<10_000 { indefinite += [0x30, 0x80] }
        indefinite += [UInt8](repeating: 0, count: 20_002)
        #expect(kind { try DG13Parser.parse(indefinite) } == .tooDeep)
        // Nesting inside one field, below swift-asn1's limit but above ours.
        var value: [UInt8] = TLV.utf8("x")
        for _ in 0..<20 { value = TLV.sequence(value) }
        #expect(kind { try DG13Parser.parse(V.file([V.field(13, value)])) } == .tooDeep)
    }
}

func utf16BE(_ text: String) -> [UInt8] {
    text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
}

func utf32BE(_ text: String) -> [UInt8] {
    text.unicodeScalars.flatMap { scalar -> [UInt8] in
        let v = scalar.value
        return [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)]
    }
}

@Suite("DG13 JSON and logging")
struct DG13JSONTests {
    @Test func nullsForAbsentValues() throws {
        let citizen = try DG13Parser.parse(DG13Vectors.file([
            DG13Vectors.field(2, TLV.utf8("Phạm Thị Lan")), DG13Vectors.field(12, TLV.utf8("Không thời hạn")),
            DG13Vectors.field(17, TLV.printable("X")),
        ]))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(citizen), as: UTF8.self)
        #expect(json.contains(#""dateOfExpiry":null"#))
        #expect(json.contains(#""spouseName":null"#))
        #expect(json.contains(#""12":["Không thời hạn"]"#))
        #expect(json.contains(#""unknownFields":{"17":["3006020111130158"]}"#))
        let object = try #require(try JSONSerialization.jsonObject(with: try encoder.encode(citizen)) as? [String: Any])
        for key in ["personalNumber", "fullName", "dateOfBirth", "sex", "nationality", "ethnicity", "religion",
                    "placeOfOrigin", "placeOfResidence", "identifyingMarks", "dateOfIssue", "dateOfExpiry",
                    "fatherName", "motherName", "spouseName", "oldIdNumber", "fields"] {
            #expect(object.keys.contains(key), "\(key)")
        }
        #expect(try JSONDecoder().decode(CitizenData.self, from: try encoder.encode(citizen)) == citizen)
    }

    @Test func descriptionIsRedacted() throws {
        let citizen = try DG13Parser.parse(DG13Vectors.fullCard)
        for text in [String(describing: citizen), String(reflecting: citizen), "\(citizen)"] {
            #expect(!text.contains("Nguyễn"))
            #expect(!text.contains("001090012345"))
        }
    }
}

@Suite("DG13 layout detection")
struct DG13LayoutTests {
    @Test func loneFieldsUnder6D() throws {
        let one = TLV.element(0x6D, DG13Vectors.field(2, TLV.utf8("Nguyễn Văn An")))
        #expect(try DG13Parser.parse(one).fullName == "Nguyễn Văn An")
        let parents = TLV.element(0x6D, DG13Vectors.field(13, TLV.sequence(DG13Vectors.father), TLV.sequence(DG13Vectors.mother)))
        let citizen = try DG13Parser.parse(parents)
        #expect(citizen.fatherName == "Nguyễn Văn Bình" && citizen.motherName == "Trần Thị Hoa" && citizen.version == nil)
        let numbered = TLV.element(0x6D, DG13Vectors.field(
            13, TLV.sequence(TLV.integer(1), DG13Vectors.father), TLV.sequence(TLV.integer(2), DG13Vectors.mother)))
        #expect(try DG13Parser.parse(numbered).fields[13] == ["Nguyễn Văn Bình", "Trần Thị Hoa"])
    }
}
