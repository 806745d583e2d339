import CCCDLDS
import Foundation
import Testing

/// Every file of every generated data set is read by the LDS parsers the reader uses (a generator
/// that writes what the reader cannot parse is caught here, not at the counter).
@Suite struct DataSetFilesParse {
    static let datasets = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("TestVectors/datasets")

    @Test(arguments: ["default", "no-expiry", "card-2024", "jp2-photo"])
    func everyFileParses(name: String) throws {
        let folder = Self.datasets.appendingPathComponent(name)
        func bytes(_ file: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: folder.appendingPathComponent(file))) }
        let com = try EFCOMParser.parse(try bytes("EF.COM.bin"))
        #expect(com.dataGroups.contains(.dg13))
        #expect(try DG1Parser.parse(try bytes("DG1.bin")).mrz.issuingState == "VNM")
        #expect(try DG2Parser.parse(try bytes("DG2.bin")).primaryFace != nil)
        _ = try DG13Parser.parse(try bytes("DG13.bin"))
        _ = try DG15Parser.parse(try bytes("DG15.bin"))
        #expect(!(try SODParser.parse(try bytes("EF.SOD.bin")).dataGroupHashes.isEmpty))
    }
}
