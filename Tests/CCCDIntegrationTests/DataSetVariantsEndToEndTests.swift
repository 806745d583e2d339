import CCCDKit
import CCCDTestSupport
import CCCDVirtualCard
import Foundation
import Testing

/// `cccd read` on chip variants of the default data set through pcscd: a short-APDU-only chip, a chip
/// that refuses READ BINARY by SFI, and a chip without PACE (BAC). The variants are copies of the data
/// set whose card.json behaviour/access is changed; the files and their signatures stay the same.
extension PCSCEndToEnd {
    enum ChipVariant: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case shortOnly, refusesSFI, bacOnly
        var testDescription: String { rawValue }

        /// Rewrites the copied card.json.
        func apply(_ card: inout [String: Any]) {
            var behaviour = card["behaviour"] as? [String: Any] ?? [:]
            var access = card["access"] as? [String: Any] ?? [:]
            switch self {
            case .shortOnly:
                behaviour["extendedLength"] = false
                behaviour["maxResponseLength"] = 256
            case .refusesSFI: behaviour["shortFileIdentifiers"] = false
            case .bacOnly: access["pace"] = [Any]()
            }
            card["behaviour"] = behaviour
            card["access"] = access
        }
    }

    @Test(arguments: ChipVariant.allCases)
    func readAndVerifyChipVariants(_ variant: ChipVariant) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cccd-variant-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Self.defaultDataSet, to: folder)
        let cardURL = folder.appendingPathComponent("card.json")
        var card = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: cardURL)) as? [String: Any])
        variant.apply(&card)
        try JSONSerialization.data(withJSONObject: card).write(to: cardURL)

        let connection = VPCDConnection(card: try DataSetChip.load(folder), port: bed.basePort)
        try connection.insertSettled()
        defer { connection.eject() }
        let access = variant == .bacOnly ? ["--mrz", "190012345,900815,300815"] : ["--can", "012345"]
        let run = try Self.runCLI(
            ["read", "--reader", "0", "--json", "--timeout", "20", "--trust", folder.appendingPathComponent("pki").path]
                + access)
        let object = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any], "\(run.stderr)")
        #expect((object["access"] as? [String: Any])?["protocol"] as? String == (variant == .bacOnly ? "BAC" : "PACE"))
        let verification = try #require(object["verification"] as? [String: Any])
        #expect((verification["passive"] as? [String: Any])?["status"] as? String == "valid")
        if variant == .shortOnly {
            // The 256-byte RSA-2048 AA signature cannot come back under SM in a short response, so
            // active authentication cannot succeed (and the chip drops SM, so CA after it fails too):
            // the verdict fails closed, never valid.
            #expect((verification["active"] as? [String: Any])?["status"] as? String != "valid")
            #expect(verification["overall"] as? String != "valid")
            #expect(run.status == 3, "stderr: \(run.stderr)")
        } else {
            #expect((verification["chip"] as? [String: Any])?["status"] as? String == "valid")
            #expect(verification["overall"] as? String == "valid", "\(verification)")
            #expect(run.status == 0, "stderr: \(run.stderr)")
        }
        let dg13 = try [UInt8](Data(contentsOf: Self.defaultDataSet.appendingPathComponent("DG13.bin")))
        let expected = try JSONSerialization.jsonObject(with: JSONEncoder().encode(try DG13Parser.parse(dg13)))
        let citizen = try #require(object["citizen"] as? [String: Any])
        #expect(NSDictionary(dictionary: citizen).isEqual(to: expected as! [String: Any]))
        let photo = try #require(object["photo"] as? [String: Any])
        let description = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: cardURL)) as? [String: Any])
        #expect(photo["sha256"] as? String == (description["photo"] as? [String: Any])?["sha256"] as? String)
    }
}
