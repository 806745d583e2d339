import CCCDMRZ
import CCCDVirtualCard

/// A synthetic Vietnamese chip ID card for reader tests and benchmarks: DG1 (TD1 MRZ with valid
/// check digits), DG2 (an ISO/IEC 19794-5 face record holding a fake JPEG of the chosen size), DG3
/// (locked), DG13 (Vietnamese citizen data, UTF-8), DG14, DG15, EF.SOD and EF.COM, built from the
/// LDS rules. Invented person; no real card data. EF.SOD/DG14/DG15 hold placeholder contents.
public struct SyntheticCCCD: Sendable {
    public var personalNumber = "001090012345"
    public var fullName = "Nguyễn Văn An"
    public var mrzName = "NGUYEN<<VAN<AN"
    public var dateOfBirthMRZ = "900815"
    public var dateOfExpiryMRZ = "300815"
    public var placeOfResidence = "Số 12 Phố Huế, Hai Bà Trưng, Hà Nội"
    public var photoSize: Int

    public init(photoSize: Int = 16_000) {
        self.photoSize = photoSize
    }

    /// The CAN of this card: the last 6 digits of the ID.
    public var can: String { String(personalNumber.suffix(6)) }
    /// The document number in the MRZ: the last 9 digits of the ID.
    public var documentNumber: String { String(personalNumber.suffix(9)) }

    // MARK: Files

    /// The fake JPEG inside DG2 (`FF D8 FF E0` … `FF D9`).
    public var photo: [UInt8] {
        let body = TestPatternCard.pattern(max(0, photoSize - 6), seed: 0x42)
        return [0xFF, 0xD8, 0xFF, 0xE0] + body + [0xFF, 0xD9]
    }

    public var mrz: String {
        func pad(_ s: String, _ n: Int) -> String { s + String(repeating: "<", count: max(0, n - s.count)) }
        func cd(_ s: String) -> String { String(CheckDigit.compute(s)!) }
        let optional1 = pad(personalNumber + "<<" + cd(personalNumber), 15)
        let line1 = "IDVNM" + documentNumber + cd(documentNumber) + optional1
        let start2 = dateOfBirthMRZ + cd(dateOfBirthMRZ) + "M" + dateOfExpiryMRZ + cd(dateOfExpiryMRZ) + "VNM"
        let optional2 = String(repeating: "<", count: 11)
        let composite = String(line1.dropFirst(5)) + String(start2.prefix(7)) + String(start2.dropFirst(8).prefix(7))
            + optional2
        let line2 = start2 + optional2 + cd(composite)
        return line1 + line2 + pad(mrzName, 30)
    }

    public var dg1: [UInt8] { Self.tlv(0x61, Self.tlv(0x5F1F, Array(mrz.utf8))) }

    public var dg2: [UInt8] {
        let image = photo
        let facialBlockLength = 20 + 12 + image.count
        var record: [UInt8] = [0x46, 0x41, 0x43, 0x00, 0x30, 0x31, 0x30, 0x00]
        record += Self.be(14 + facialBlockLength, 4) + [0x00, 0x01]
        record += Self.be(facialBlockLength, 4) + [0x00, 0x00]  // no feature points
        record += [0x01, 0x00, 0x00] + [0x00, 0x00, 0x00] + [0x00, 0x00] + [0, 0, 0] + [0, 0, 0]
        record += [0x01, 0x00] + Self.be(480, 2) + Self.be(640, 2) + [0x01, 0x02] + [0, 0] + [0, 0]
        record += image
        let header = Self.tlv(0xA1, Self.tlv(0x81, [0x02]) + Self.tlv(0x87, [0x01, 0x01]) + Self.tlv(0x88, [0x00, 0x08]))
        let template = Self.tlv(0x7F60, header + Self.tlv(0x5F2E, record))
        return Self.tlv(0x75, Self.tlv(0x7F61, Self.tlv(0x02, [0x01]) + template))
    }

    public var dg13: [UInt8] {
        func utf8(_ s: String) -> [UInt8] { Self.tlv(0x0C, Array(s.utf8)) }
        func printable(_ s: String) -> [UInt8] { Self.tlv(0x13, Array(s.utf8)) }
        func field(_ index: Int, _ values: [UInt8]...) -> [UInt8] {
            Self.tlv(0x30, Self.tlv(0x02, [UInt8(index)]) + values.flatMap { $0 })
        }
        let fields = [
            field(1, printable(personalNumber)), field(2, utf8(fullName)), field(3, printable("15/08/1990")),
            field(4, utf8("Nam")), field(5, utf8("Việt Nam")), field(6, utf8("Kinh")), field(7, utf8("Không")),
            field(8, utf8("Đông Hội, Đông Anh, Hà Nội")), field(9, utf8(placeOfResidence)),
            field(10, utf8("Nốt ruồi C:2cm trên sau đuôi mắt phải")), field(11, printable("10/07/2021")),
            field(12, utf8("15/08/2030")),
            field(13, Self.tlv(0x30, utf8("Nguyễn Văn Bình")), Self.tlv(0x30, utf8("Trần Thị Hoa"))),
            field(14, utf8("Lê Thị Mai")), field(15, printable("012345678")),
        ]
        let oid: [UInt8] = [0x06, 0x06, 0x28, 0xCF, 0x06, 0x01, 0x00, 0x08]  // 1.0.10646.1.0.8
        return Self.tlv(0x6D, Self.tlv(0x30, Self.tlv(0x02, [0x01]) + oid + Self.tlv(0x31, fields.flatMap { $0 })))
    }

    public var dg14: [UInt8] { Self.tlv(0x6E, TestPatternCard.pattern(330, seed: 0x0E)) }
    public var dg15: [UInt8] { Self.tlv(0x6F, TestPatternCard.pattern(160, seed: 0x0F)) }
    public var dg3: [UInt8] { Self.tlv(0x63, TestPatternCard.pattern(500, seed: 0x03)) }
    public var sod: [UInt8] { Self.tlv(0x77, TestPatternCard.pattern(1_900, seed: 0x1D)) }

    /// EF.COM: LDS 1.7, Unicode 4.0.0, DG1 DG2 DG3 DG13 DG14 DG15.
    public var com: [UInt8] {
        Self.tlv(0x60, Self.tlv(0x5F01, Array("0107".utf8)) + Self.tlv(0x5F36, Array("040000".utf8))
            + Self.tlv(0x5C, [0x61, 0x75, 0x63, 0x6D, 0x6E, 0x6F]))
    }

    /// The card's files. `access` applies to the application's files; DG3 is never readable.
    public func fileSystem(access: AccessCondition = .always, shortFileIdentifiers: Bool = true) -> CardFileSystem {
        func ef(_ fid: UInt16, _ sfi: UInt8, _ contents: [UInt8], _ condition: AccessCondition) -> ElementaryFile {
            ElementaryFile(fid: fid, sfi: shortFileIdentifiers ? sfi : nil, contents: contents, access: condition)
        }
        let app = DedicatedFile(aid: CardFileSystem.eMRTDApplicationID, files: [
            ef(0x011E, 0x1E, com, access), ef(0x011D, 0x1D, sod, access), ef(0x0101, 0x01, dg1, access),
            ef(0x0102, 0x02, dg2, access), ef(0x0103, 0x03, dg3, .never), ef(0x010D, 0x0D, dg13, access),
            ef(0x010E, 0x0E, dg14, access), ef(0x010F, 0x0F, dg15, access),
        ])
        let mf = DedicatedFile(fid: CardFileSystem.masterFileID, files: [
            ef(CardFileSystem.cardAccessFID, 0x1C, TestPatternCard.cccdCardAccess, .always),
        ])
        return CardFileSystem(masterFile: mf, applications: [app])
    }

    /// The files by dump name (`DG1.bin` …), as `cccd read --out` writes them.
    public var dumpFiles: [String: [UInt8]] {
        ["EF.COM.bin": com, "EF.SOD.bin": sod, "DG1.bin": dg1, "DG2.bin": dg2, "DG13.bin": dg13,
         "DG14.bin": dg14, "DG15.bin": dg15]
    }

    // MARK: BER-TLV

    /// Tag (1–2 bytes as written) + definite length + value.
    public static func tlv(_ tag: UInt32, _ value: [UInt8]) -> [UInt8] {
        let tagBytes: [UInt8] = tag > 0xFF ? [UInt8(tag >> 8), UInt8(tag & 0xFF)] : [UInt8(tag)]
        let n = value.count
        let length: [UInt8] = n < 0x80 ? [UInt8(n)] : n < 0x100 ? [0x81, UInt8(n)]
            : n < 0x10000 ? [0x82, UInt8(n >> 8), UInt8(n & 0xFF)] : [0x83, UInt8(n >> 16), UInt8((n >> 8) & 0xFF), UInt8(n & 0xFF)]
        return tagBytes + length + value
    }

    static func be(_ value: Int, _ count: Int) -> [UInt8] {
        (0..<count).reversed().map { UInt8((value >> (8 * $0)) & 0xFF) }
    }
}
