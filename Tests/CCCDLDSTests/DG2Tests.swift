import CCCDTestSupport
import Testing
@testable import CCCDLDS

@Suite("DG2 face and other biometric groups")
struct DG2Tests {
    @Test(.enabled(if: SharedFolder.available("samples"), "needs ../shared/samples (not found)"))
    func bsi2008() throws {
        let bytes = try Samples.bytes(Samples.bsiDG2)
        let dg2 = try DG2Parser.parse(bytes)
        #expect(dg2.group.declaredCount == 1)
        #expect(dg2.group.templates.count == 1)
        let header = try #require(dg2.group.templates.first?.header)
        #expect(header.biometricType == [0x02])
        #expect(header.biometricTypeValue == 2)
        #expect(header.biometricSubtype == [0x00])
        #expect(header.formatOwnerValue == 0x0101)
        #expect(header.formatTypeValue == 0x0008)
        let record = try #require(dg2.records.first)
        #expect(record.version == "010")
        #expect(record.recordLength == 0x3AC5)
        #expect(dg2.faces.count == 1)
        let face = try #require(dg2.primaryFace)
        #expect(face.imageDataType == 1)
        #expect(face.imageFormat == .jp2)
        #expect(face.width == 0x0151 && face.height == 0x01C1)  // 337 × 449
        #expect(face.faceImageType == 1)
        #expect(face.featurePoints.isEmpty)
        #expect(face.imageData.count == 0x3AB7 - 32)
        #expect(face.imageData.starts(with: [0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20]))
        // The image is the tail of the file.
        #expect(Array(bytes.suffix(face.imageData.count)) == face.imageData)
    }

    @Test(.enabled(if: SharedFolder.available("samples"), "needs ../shared/samples (not found)"))
    func loes2006() throws {
        let dg2 = try DG2Parser.parse(try Samples.bytes(Samples.loesDG2))
        let face = try #require(dg2.primaryFace)
        #expect(face.imageFormat == .jp2)
        #expect(face.width == 449 && face.height == 598)
        #expect(face.imageData.count == 0x35A5 - 32)
    }

    /// Builds a DG2 with the given faces (each: image bytes, data type, feature points).
    static func dg2(faces: [(image: [UInt8], type: UInt8, points: Int)], countOverride: UInt16? = nil) -> [UInt8] {
        var record: [UInt8] = Array("FAC".utf8) + [0] + Array("010".utf8) + [0]
        var blocks: [UInt8] = []
        for face in faces {
            let length = 32 + 8 * face.points + face.image.count
            blocks += be32(length) + be16(face.points) + [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
            for i in 0..<face.points { blocks += [1, 0x31, 0, UInt8(10 + i), 0, 20, 0, 0] }
            blocks += [1, face.type] + be16(480) + be16(640) + [1, 2] + be16(0) + be16(0) + face.image
        }
        record += be32(14 + blocks.count) + be16(Int(countOverride ?? UInt16(faces.count))) + blocks
        let header = TLV.element(0xA1, TLV.element(0x81, [0x02]) + TLV.element(0x87, [0x01, 0x01]) + TLV.element(0x88, [0x00, 0x08]))
        let template = TLV.element([0x7F, 0x60], header + TLV.element([0x5F, 0x2E], record))
        return TLV.element(0x75, TLV.element([0x7F, 0x61], TLV.element(0x02, [1]) + template))
    }

    static func be16(_ v: Int) -> [UInt8] { [UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)] }
    static func be32(_ v: Int) -> [UInt8] { [UInt8((v >> 24) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)] }

    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0, 1, 2, 3, 0xFF, 0xD9]
    static let j2k: [UInt8] = [0xFF, 0x4F, 0xFF, 0x51, 0x00, 0x2F, 1, 2, 3]

    @Test func severalFacesAndFormats() throws {
        let dg2 = try DG2Parser.parse(Self.dg2(faces: [(Self.jpeg, 0, 2), (Self.j2k, 1, 0), ([1, 2, 3], 0, 0)]))
        #expect(dg2.faces.count == 3)
        #expect(dg2.faces.map(\.imageFormat) == [.jpeg, .j2k, .jpeg])  // last: unknown magic, declared JPEG
        #expect(dg2.faces[0].imageData == Self.jpeg)
        #expect(dg2.faces[0].featurePoints.count == 2)
        #expect(dg2.faces[0].featurePoints[1] == FeaturePoint(type: 1, majorCode: 3, minorCode: 1, x: 11, y: 20))
        #expect(dg2.faces[0].width == 480 && dg2.faces[0].height == 640)
        #expect(dg2.faces[0].colourSpace == 1 && dg2.faces[0].sourceType == 2)
        #expect(ImageFormat.detect([0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20, 0x0D]) == .jp2)
        #expect(ImageFormat.detect([0x00]) == .unknown)
    }

    @Test func enciphered() throws {
        let header = TLV.element(0xA1, TLV.element(0x81, [0x02]))
        let template = TLV.element([0x7F, 0x60], header + TLV.element([0x7F, 0x2E], [0x01, 0x02]))
        let bytes = TLV.element(0x75, TLV.element([0x7F, 0x61], TLV.element(0x02, [1]) + template))
        #expect(kind { try DG2Parser.parse(bytes) } == .unexpectedStructure)
        let group = try BiometricGroupParser.parse(bytes, tag: 0x75)
        #expect(group.templates.first?.isEnciphered == true)
    }

    @Test(.enabled(if: SharedFolder.available("samples"), "needs ../shared/samples (not found)"))
    func malformed() throws {
        #expect(kind { try DG2Parser.parse([]) } == .truncated)
        #expect(kind { try DG2Parser.parse(hex("61 00")) } == .wrongTag)
        #expect(kind { try DG2Parser.parse(hex("75 00")) } == .wrongTag)
        #expect(kind { try DG2Parser.parse(hex("75 84 FF FF FF FF")) } == .tooLarge)
        #expect(kind { try DG2Parser.parse(hex("75 82 3A E7 7F 61")) } == .truncated)
        #expect(kind { try DG2Parser.parse(hex("75 80 7F 61 80 00 00 00 00")) } == .invalidEncoding)
        #expect(kind { try DG2Parser.parse(hex("75 05 7F 61 02 02 01")) } == .truncated)
        #expect(kind { try DG2Parser.parse(hex("75 06 7F 61 03 02 01 01")) } == .unexpectedStructure)
        // Header without data block.
        let noData = TLV.element(0x75, TLV.element([0x7F, 0x61], TLV.element(0x02, [1]) + TLV.element([0x7F, 0x60], TLV.element(0xA1, []))))
        #expect(kind { try DG2Parser.parse(noData) } == .unexpectedStructure)
        // Bad 19794-5 content.
        var wrongMagic = Self.dg2(faces: [(Self.jpeg, 0, 0)])
        let start = try #require(wrongMagic.firstRange(of: Array("FAC".utf8))?.lowerBound)
        wrongMagic[start] = UInt8(ascii: "X")
        #expect(kind { try DG2Parser.parse(wrongMagic) } == .invalidValue)
        #expect(kind { try FacialRecordParser.parse(Array("FAC".utf8) + [0] + Array("030".utf8) + [0]) } == .invalidValue)
        #expect(kind { try FacialRecordParser.parse(Array("FAC".utf8) + [0] + Array("010".utf8) + [0, 0, 0]) } == .truncated)
        // 65 535 faces declared, one present.
        #expect(kind { try DG2Parser.parse(Self.dg2(faces: [(Self.jpeg, 0, 0)], countOverride: 0xFFFF)) } == .tooLarge)
        // Two faces declared, one present.
        #expect(kind { try DG2Parser.parse(Self.dg2(faces: [(Self.jpeg, 0, 0)], countOverride: 2)) } == .truncated)
        // A face block length of 4 GB.
        let sample = try Samples.bytes(Samples.bsiDG2)
        var huge = sample
        let blockLength = try #require(huge.firstRange(of: [0x00, 0x00, 0x3A, 0xB7])?.lowerBound)
        huge.replaceSubrange(blockLength..<blockLength + 4, with: [0xFF, 0xFF, 0xFF, 0xFF])
        #expect(kind { try DG2Parser.parse(huge) } == .truncated)
        // 65 535 feature points.
        var points = sample
        points.replaceSubrange(blockLength + 4..<blockLength + 6, with: [0xFF, 0xFF])
        #expect(kind { try DG2Parser.parse(points) } == .invalidValue)
        // Every truncation fails with a typed error.
        for length in stride(from: 0, to: sample.count, by: 97) {
            #expect(kind { try DG2Parser.parse(Array(sample.prefix(length))) } != nil)
        }
    }

    @Test(.enabled(if: SharedFolder.available("samples"), "needs ../shared/samples (not found)"))
    func fingerprintAndIrisGroups() throws {
        let dg3 = try BiometricGroupParser.parse(try Samples.bytes(Samples.bsiDG3), tag: 0x63)
        #expect(dg3.declaredCount == 2 && dg3.templates.count == 2)
        #expect(dg3.templates.allSatisfy { $0.header.biometricTypeValue == 8 && $0.header.formatTypeValue == 7 })
        #expect(dg3.templates[0].dataBlock.starts(with: Array("FIR".utf8) + [0]))
        let dg4 = try BiometricGroupParser.parse(try Samples.bytes(Samples.bsiDG4), tag: 0x76)
        #expect(dg4.templates.count == 2)
        #expect(dg4.templates[0].header.biometricTypeValue == 0x10 && dg4.templates[0].header.formatTypeValue == 9)
        #expect(dg4.templates[0].header.patronHeaderVersion == [0x01, 0x01])
        #expect(kind { try BiometricGroupParser.parse(try Samples.bytes(Samples.bsiDG3), tag: 0x76) } == .wrongTag)
    }

    @Test(.enabled(if: SharedFolder.available("samples"), "needs ../shared/samples (not found)"))
    func displayedImages() throws {
        let dg5 = try DisplayedImageParser.parse(try Samples.bytes(Samples.dg5), group: .dg5)
        #expect(dg5.declaredCount == 1 && dg5.images.count == 1 && dg5.formats == [.jp2])
        #expect(dg5.images[0].count == 0x3A97)
        let dg7 = try DisplayedImageParser.parse(try Samples.bytes(Samples.dg7), group: .dg7)
        #expect(dg7.images.count == 1 && dg7.formats == [.jp2] && dg7.images[0].count == 0x0121)
        #expect(kind { try DisplayedImageParser.parse(try Samples.bytes(Samples.dg5), group: .dg7) } == .wrongTag)
        #expect(kind { try DisplayedImageParser.parse(hex("65 00"), group: .dg5) } == .unexpectedStructure)
        #expect(kind { try DisplayedImageParser.parse(hex("65 00"), group: .dg2) } == .invalidValue)
    }
}
