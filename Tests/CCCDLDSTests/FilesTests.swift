import CCCDTestSupport
import Testing
import Foundation
@testable import CCCDLDS

@Suite("File table and TLV header")
struct FilesTests {
    @Test func dataGroupTable() {
        let tags: [UInt8] = [0x61, 0x75, 0x63, 0x76, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F, 0x70]
        #expect(DataGroup.allCases.map(\.ldsTag) == tags)
        #expect(DataGroup.allCases.map(\.fileIdentifier) == Array(0x0101...0x0110))
        #expect(DataGroup.allCases.map(\.shortFileIdentifier) == Array(0x01...0x10))
        for group in DataGroup.allCases {
            #expect(DataGroup(ldsTag: group.ldsTag) == group)
            #expect(DataGroup(number: group.number) == group)
        }
        #expect(DataGroup(ldsTag: 0x77) == nil)
        #expect(DataGroup(number: 17) == nil)
    }

    @Test func fileIdentifiers() {
        #expect(LDSFile.com.fileIdentifier == 0x011E && LDSFile.com.shortFileIdentifier == 0x1E)
        #expect(LDSFile.sod.fileIdentifier == 0x011D && LDSFile.sod.shortFileIdentifier == 0x1D)
        #expect(LDSFile.cardAccess.fileIdentifier == 0x011C && LDSFile.cardAccess.shortFileIdentifier == 0x1C)
        #expect(LDSFile.cardSecurity.fileIdentifier == 0x011D && LDSFile.cardSecurity.isInMasterFile)
        #expect(LDSFile.atrInfo.fileIdentifier == 0x2F01 && LDSFile.atrInfo.isInMasterFile)
        #expect(LDSFile.dataGroup(.dg13).fileIdentifier == 0x010D)
        #expect(LDSFile.dataGroup(.dg13).outerTag == 0x6D)
        #expect(LDSFile.sod.outerTag == 0x77 && LDSFile.com.outerTag == 0x60)
        #expect(LDSFile.dataGroup(.dg2).dumpFileName == "DG2.bin")
        #expect(LDSFile.sod.dumpFileName == "EF.SOD.bin")
        #expect(LDSFile.com.dumpFileName == "EF.COM.bin")
        #expect(LDSFile.cardAccess.dumpFileName == "EF.CardAccess.bin")
        #expect(LDSFile.allFiles.count == 21)
        #expect(!LDSFile.dataGroup(.dg1).isInMasterFile)
    }

    @Test func headerLengths() throws {
        #expect(try TLVHeader.fileLength(fromPrefix: [0x60, 0x16, 0x5F]) == 24)
        #expect(try TLVHeader.fileLength(fromPrefix: [0x75, 0x82, 0x3A, 0xE7]) == 0x3AE7 + 4)
        #expect(try TLVHeader.fileLength(fromPrefix: [0x6F, 0x81, 0xA1]) == 0xA1 + 3)
        #expect(try TLVHeader.fileLength(fromPrefix: [0x75, 0x83, 0x01, 0x00, 0x00]) == 0x10000 + 5)
        #expect(try TLVHeader.fileLength(fromPrefix: [0x7F, 0x61, 0x84, 0x00, 0x01, 0x00, 0x00]) == 0x10000 + 7)
        // Incomplete headers: more bytes needed.
        #expect(try TLVHeader.fileLength(fromPrefix: []) == nil)
        #expect(try TLVHeader.fileLength(fromPrefix: [0x75]) == nil)
        #expect(try TLVHeader.fileLength(fromPrefix: [0x75, 0x82, 0x3A]) == nil)
        #expect(try TLVHeader.fileLength(fromPrefix: [0x7F]) == nil)
        let header = try TLVHeader.decode([0x7F, 0x61, 0x82, 0x01, 0x00])
        #expect(header.tag == 0x7F61 && header.isConstructed && header.headerLength == 5 && header.valueLength == 256)
    }

    @Test func headerErrors() {
        #expect(throws: LDSError.self) { try TLVHeader.fileLength(fromPrefix: [0x77, 0x80, 0x30]) }
        #expect(kind { try TLVHeader.fileLength(fromPrefix: [0x77, 0x80]) } == .invalidEncoding)
        #expect(kind { try TLVHeader.fileLength(fromPrefix: [0x77, 0x84, 0xFF, 0xFF, 0xFF, 0xFF]) } == .tooLarge)
        #expect(kind { try TLVHeader.fileLength(fromPrefix: [0x77, 0x85, 0, 0, 0, 0, 1]) } == .tooLarge)
        #expect(kind { try TLVHeader.fileLength(fromPrefix: [0x00, 0x01]) } == .invalidEncoding)
        #expect(kind { try TLVHeader.fileLength(fromPrefix: [0xFF, 0x01]) } == .invalidEncoding)
        #expect(kind { try TLVHeader.fileLength(fromPrefix: [0x7F, 0x81, 0x81, 0x81, 0x01, 0x00]) } == .invalidEncoding)
    }

    @Test(.enabled(if: SharedFolder.available("samples"), "needs ../shared/samples (not found)"))
    func sampleFileLengths() throws {
        for path in [Samples.bsiCOM, Samples.bsiDG2, Samples.loesSOD, Samples.bsiDG15, Samples.dg12] {
            let bytes = try Samples.bytes(path)
            #expect(try TLVHeader.fileLength(fromPrefix: Array(bytes.prefix(TLVHeader.maximumLength))) == bytes.count)
        }
    }

    @Test func calendarDates() throws {
        #expect(CalendarDate(dayMonthYear: "01/02/1990")?.isoText == "1990-02-01")
        #expect(CalendarDate(dayMonthYear: " 1/2/1990 ")?.isoText == "1990-02-01")
        #expect(CalendarDate(dayMonthYear: "29/02/2000") != nil)
        #expect(CalendarDate(dayMonthYear: "29/02/1900") == nil)
        #expect(CalendarDate(dayMonthYear: "31/04/2020") == nil)
        #expect(CalendarDate(dayMonthYear: "00/00/1950") == nil)
        #expect(CalendarDate(dayMonthYear: "1950") == nil)
        #expect(CalendarDate(dayMonthYear: "Không thời hạn") == nil)
        #expect(CalendarDate(dayMonthYear: "１２/０１/１９９０") == nil)  // full-width digits are not dates
        #expect(CalendarDate(compact: "19700101")?.isoText == "1970-01-01")
        #expect(CalendarDate(isoText: "2031-10-31") == CalendarDate(year: 2031, month: 10, day: 31))
        let encoded = try JSONEncoder().encode([CalendarDate(year: 2024, month: 7, day: 1)])
        #expect(String(decoding: encoded, as: UTF8.self) == #"["2024-07-01"]"#)
        #expect(try JSONDecoder().decode([CalendarDate].self, from: encoded).first?.day == 1)
    }
}

@Suite("File dispatch")
struct FileDispatchTests {
    @Test(.enabled(if: SharedFolder.available("samples"), "needs ../shared/samples (not found)"))
    func dispatch() throws {
        let cases: [(LDSFile, String)] = [
            (.com, Samples.bsiCOM), (.sod, Samples.loesSOD), (.dataGroup(.dg1), Samples.loesDG1),
            (.dataGroup(.dg2), Samples.loesDG2), (.dataGroup(.dg3), Samples.bsiDG3), (.dataGroup(.dg4), Samples.bsiDG4),
            (.dataGroup(.dg5), Samples.dg5), (.dataGroup(.dg7), Samples.dg7), (.dataGroup(.dg11), Samples.dg11),
            (.dataGroup(.dg12), Samples.dg12), (.dataGroup(.dg15), Samples.loesDG15),
            (.cardSecurity, Samples.cardSecurityFiles[0]),
        ]
        for (file, path) in cases {
            let content = try LDSFileParser.parse(file, bytes: try Samples.bytes(path))
            if case .notInterpreted = content { Issue.record("\(file) not interpreted") }
        }
        guard case .dg13(let citizen) = try LDSFileParser.parse(.dataGroup(.dg13), bytes: DG13Vectors.fullCard) else {
            Issue.record("DG13 not dispatched")
            return
        }
        #expect(citizen.fullName == "Nguyễn Văn An")
        #expect(try LDSFileParser.parse(.dataGroup(.dg14), bytes: []) == .notInterpreted(.dataGroup(.dg14)))
        #expect(try LDSFileParser.parse(.cardAccess, bytes: []) == .notInterpreted(.cardAccess))
        // A file given to the wrong parser is a typed error.
        #expect(kind { try LDSFileParser.parse(.dataGroup(.dg13), bytes: try Samples.bytes(Samples.loesDG2)) } == .wrongTag)
    }
}
