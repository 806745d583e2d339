import Testing
@testable import CCCDLDS

/// DG2 in the ISO/IEC 39794-5 encoding (LDS 2), the real-world DG2 sets of ../shared/realworld, and
/// broken variants of them.
@Suite("DG2 ISO/IEC 39794-5 and real-world DG2")
struct DG2ISO39794Tests {
    static let allFieldsSet = "gmrtd-dg2-iso39794-allfields"
    static let mandatoryFieldsSet = "gmrtd-dg2-iso39794-mandfields"

    @Test(Realworld.required(allFieldsSet))
    func allFields() throws {
        let bytes = try Realworld.bytes(Self.allFieldsSet, "DG2.bin")
        let dg2 = try DG2Parser.parse(bytes)
        let header = try #require(dg2.group.templates.first?.header)
        #expect(header.formatOwnerValue == 0x0101 && header.formatTypeValue == 0x002A)
        #expect(dg2.group.templates.first?.isEnciphered == true)  // 7F2E: constructed 39794-5 block
        let record = try #require(dg2.records.first)
        #expect(record.encoding == .iso39794_5)
        #expect(record.version == "3.2019")
        let face = try #require(dg2.primaryFace)
        #expect(dg2.faces.count == 1)
        #expect(face.imageData == (try Realworld.bytes(Self.allFieldsSet, "face.jpg")))
        #expect(face.imageData.count == 15000)
        #expect(face.imageFormat == .jp2)  // the file is named .jpg but holds JPEG 2000
        #expect(face.imageDataType == 1)
        #expect(face.width == 572 && face.height == 731)  // as declared in imageSizeBlock
        #expect(face.faceImageType == 1)
        #expect(face.gender == 2 && face.eyeColour == 2 && face.hairColour == 4)  // female, blue, brown
        #expect(face.colourSpace == 1 && face.sourceType == 2)  // RGB 24 bit, digital still camera
        let details = try #require(face.iso39794)
        #expect(details.representationId == 0)
        #expect(details.imageDataFormatCode == 3)  // JPEG 2000 lossy
        #expect(details.faceImageKindCode == 0)
        #expect(details.genderCode == 3 && details.eyeColourCode == 3 && details.hairColourCode == 5)
        #expect(details.subjectHeight == 1786)
        #expect(details.yaw == .init(degrees: 2, uncertainty: 1))
        #expect(details.pitch == .init(degrees: 3, uncertainty: 1))
        #expect(details.roll == .init(degrees: 1, uncertainty: 2))
        #expect(details.colourSpaceCode == 2 && details.captureDeviceTechnologyCode == 2)
        #expect(details.landmarkCount == 1)
    }

    @Test(Realworld.required(mandatoryFieldsSet))
    func mandatoryFields() throws {
        let dg2 = try DG2Parser.parse(try Realworld.bytes(Self.mandatoryFieldsSet, "DG2.bin"))
        let face = try #require(dg2.primaryFace)
        #expect(face.imageData == (try Realworld.bytes(Self.mandatoryFieldsSet, "face.jpg")))
        #expect(dg2.records.first?.encoding == .iso39794_5)
        #expect(face.imageFormat == .jp2 && face.imageDataType == 1)
        // No imageSizeBlock, no identity metadata: "unspecified".
        #expect(face.width == 0 && face.height == 0)
        #expect(face.gender == 0 && face.eyeColour == 0 && face.faceImageType == 0)
        #expect(face.iso39794 == ISO39794FaceInformation(representationId: 0, imageDataFormatCode: 3))
    }

    @Test(Realworld.required(allFieldsSet, mandatoryFieldsSet))
    func truncatedAndCorruptedGiveTypedErrors() throws {
        for set in [Self.allFieldsSet, Self.mandatoryFieldsSet] {
            let bytes = try Realworld.bytes(set, "DG2.bin")
            // Every truncation, densely in the headers and around the end of the image.
            let cuts = Array(0..<200) + Array(stride(from: 200, to: bytes.count, by: 211)) + Array(bytes.count - 700..<bytes.count)
            for length in cuts {
                #expect(kind { try DG2Parser.parse(Array(bytes.prefix(length))) } != nil, "\(set) cut at \(length)")
            }
            // Every byte of the headers before the image and of the metadata after it flipped: parses
            // or fails with an LDSError (`kind` records any other error as an issue).
            let imageEnd = try #require(bytes.firstRange(of: [0xFF, 0xD9])?.upperBound)
            var rejected = 0
            for index in Array(0..<120) + Array(imageEnd..<bytes.count) {
                var corrupted = bytes
                corrupted[index] ^= 0xFF
                if kind({ try DG2Parser.parse(corrupted) }) != nil { rejected += 1 }
            }
            #expect(rejected > 50, "\(set): \(rejected) flips rejected")
        }
        let bytes = try Realworld.bytes(Self.allFieldsSet, "DG2.bin")
        let block = try #require(bytes.firstRange(of: [0x7F, 0x2E])?.lowerBound)
        // The image's length field (80 82 3A 98) made longer than its block.
        let imageTag = try #require(bytes.firstRange(of: [0x80, 0x82, 0x3A, 0x98])?.lowerBound)
        var longImage = bytes
        longImage[imageTag + 2] = 0x3B
        #expect(kind { try DG2Parser.parse(longImage) } == .truncated)
        // [APPLICATION 5] changed to [APPLICATION 6].
        var wrongTag = bytes
        wrongTag[block + 9] = 0x66
        #expect(kind { try DG2Parser.parse(wrongTag) } == .wrongTag)
        // versionBlock year (07 E3) made negative.
        let year = try #require(bytes.firstRange(of: [0x81, 0x02, 0x07, 0xE3])?.lowerBound)
        var badYear = bytes
        badYear[year + 2] = 0xF7
        #expect(kind { try DG2Parser.parse(badYear) } == .invalidValue)
    }

    @Test func builtRecordsAndTheirErrors() throws {
        let image = DG2Tests.jpeg
        let jpeg = Self.dg2(Self.representation(image: image, formatCode: 2, size: ([0x02, 0x80], [0x01, 0xE0])))
        let face = try #require(try DG2Parser.parse(jpeg).primaryFace)
        #expect(face.imageData == image && face.imageFormat == .jpeg && face.imageDataType == 0)
        #expect(face.width == 640 && face.height == 480)
        // Without the A1 wrapper, in a 5F2E block.
        let bare = Self.dg2(Self.representation(image: image, formatCode: 2, size: nil), wrapped: false, tag: [0x5F, 0x2E])
        #expect(try DG2Parser.parse(bare).records.first?.encoding == .iso39794_5)
        // An extension image representation (not 2D).
        let notTwoD = TLV.element(0x30, TLV.element(0x80, [0]) + TLV.element(0xA1, TLV.element(0xA1, [])))
        #expect(kind { try DG2Parser.parse(Self.dg2(notTwoD)) } == .unexpectedStructure)
        // No representation block, a repeated field, an empty image, an out-of-range width.
        #expect(kind { try DG2Parser.parse(Self.dg2(representations: [])) } == .unexpectedStructure)
        let repeated = TLV.element(0x30, TLV.element(0x80, [0]) + TLV.element(0x80, [1]))
        #expect(kind { try DG2Parser.parse(Self.dg2(repeated)) } == .unexpectedStructure)
        #expect(kind { try DG2Parser.parse(Self.dg2(Self.representation(image: [], formatCode: 2, size: nil))) } == .invalidValue)
        let wide = Self.representation(image: image, formatCode: 2, size: ([0x01, 0x11, 0x70], [0x01]))  // 70 000
        #expect(kind { try DG2Parser.parse(Self.dg2(wide)) } == .invalidValue)
        // 7F2E that is neither 39794-5 nor 19794-5 stays "enciphered".
        let header = TLV.element(0xA1, TLV.element(0x81, [0x02]))
        let enciphered = TLV.element(0x75, TLV.element([0x7F, 0x61], TLV.element(0x02, [1]) + TLV.element([0x7F, 0x60], header + TLV.element([0x7F, 0x2E], [0x01]))))
        #expect(kind { try DG2Parser.parse(enciphered) } == .unexpectedStructure)
    }

    /// A synthetic 39794-5 DG2 (also the fuzz seed Corpus/dg2/seed-a0a9bb11…): JPEG, size, male, brown
    /// eyes, 1700 mm, yaw −2° ± 1°, roll 5°; runs without ../shared.
    @Test func syntheticRecordWithMetadata() throws {
        let bytes = hex("""
            7581957f6181910201017f60818aa108870201018802002a7f2e7da17b6579a007800103810207e3a16e306c800100a144a042a040
            8016ffd8ffe000104a46494600010100000100010000ffd9a11da003800102a105a103800100a708800201e081020280a905a10380
            0102a207a105a103800102a821a005a103800102a105a103800104830206a4a60da0068001fe810101a203800105
            """)
        let face = try #require(try DG2Parser.parse(bytes).primaryFace)
        #expect(face.imageFormat == .jpeg && face.imageDataType == 0 && face.imageData.count == 22)
        #expect(face.width == 480 && face.height == 640)
        #expect(face.gender == 1 && face.eyeColour == 3 && face.colourSpace == 1 && face.sourceType == 2)
        let details = try #require(face.iso39794)
        #expect(details.subjectHeight == 1700)
        #expect(details.yaw == .init(degrees: -2, uncertainty: 1) && details.pitch == nil)
        #expect(details.roll == .init(degrees: 5, uncertainty: nil))
        #expect(ISO39794CodeMapping.eyeColour(7) == 0xFF && ISO39794CodeMapping.hairColour(9) == 0xFF)
        #expect(ISO39794CodeMapping.gender(1) == 0xFF && ISO39794CodeMapping.sourceType(0) == 7)
    }

    @Test(Realworld.required("gmrtd-dg-parse-samples"))
    func gmrtdISO19794Sample() throws {
        let set = "gmrtd-dg-parse-samples"
        let dg2 = try DG2Parser.parse(try Realworld.bytes(set, "DG2.bin"))
        let face = try #require(dg2.primaryFace)
        #expect(dg2.records.first?.encoding == .iso19794_5 && face.iso39794 == nil)
        #expect(face.imageData == (try Realworld.bytes(set, "DG2_face_image.jpg")))
        #expect(face.imageData.count == 5099 && face.imageFormat == .jpeg)
    }

    /// NFCPassportReader's cut-down DG2 headers declare more bytes than they hold (README: the peer
    /// expects success; strict TLV parsing fails): a typed `truncated`, never a crash.
    @Test(Realworld.required("nfcpr-dg2-cutdown-jpeg", "nfcpr-dg2-cutdown-jpeg2000"))
    func nfcPassportReaderCutDownHeaders() throws {
        for set in ["nfcpr-dg2-cutdown-jpeg", "nfcpr-dg2-cutdown-jpeg2000"] {
            #expect(kind { try DG2Parser.parse(try Realworld.bytes(set, "DG2.bin")) } == .truncated, "\(set)")
        }
    }

    // MARK: - Building 39794-5 DG2s

    /// `size`: width and height as INTEGER content bytes.
    static func representation(image: [UInt8], formatCode: UInt8, size: ([UInt8], [UInt8])?) -> [UInt8] {
        var information = TLV.element(0xA0, TLV.element(0x80, [formatCode]))
        if let size {
            information += TLV.element(0xA7, TLV.element(0x80, size.0) + TLV.element(0x81, size.1))
        }
        let twoD = TLV.element(0xA0, TLV.element(0x80, image) + TLV.element(0xA1, information))
        return TLV.element(0x30, TLV.element(0x80, [0]) + TLV.element(0xA1, TLV.element(0xA0, twoD)))
    }

    static func dg2(_ representation: [UInt8]) -> [UInt8] { dg2(representations: [representation]) }

    static func dg2(_ representation: [UInt8], wrapped: Bool, tag: [UInt8]) -> [UInt8] {
        dg2(representations: [representation], wrapped: wrapped, tag: tag)
    }

    static func dg2(representations: [[UInt8]], wrapped: Bool = true, tag: [UInt8] = [0x7F, 0x2E]) -> [UInt8] {
        let version = TLV.element(0xA0, TLV.element(0x80, [3]) + TLV.element(0x81, [0x07, 0xE3]))
        var block = TLV.element(0x65, version + TLV.element(0xA1, representations.flatMap { $0 }))
        if wrapped { block = TLV.element(0xA1, block) }
        let header = TLV.element(0xA1, TLV.element(0x87, [0x01, 0x01]) + TLV.element(0x88, [0x00, 0x2A]))
        let template = TLV.element([0x7F, 0x60], header + TLV.element(tag, block))
        return TLV.element(0x75, TLV.element([0x7F, 0x61], TLV.element(0x02, [1]) + template))
    }
}
