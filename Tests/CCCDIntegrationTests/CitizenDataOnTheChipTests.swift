import CCCDKit
import CCCDTestSupport
import CCCDTransport
import CCCDVirtualCard
import Foundation
import Testing

/// Issue 14, item 4 on a live read: a CCCD chip whose DG13 cannot be read or parsed never reads
/// `valid`.
@Suite struct CitizenDataOnTheChip {
    typealias F = FaultMatrixSupport

    @Test func unparseableDG13IsNotValidAndNotACrash() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cccd-dg13-chip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in try FileManager.default.contentsOfDirectory(atPath: F.dataSet.path)
        where name.hasSuffix(".bin") || name == "card.json" {
            try FileManager.default.copyItem(at: F.dataSet.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        // A well-framed DG13 (tag 6D) whose content is no citizen-data structure.
        try Data([0x6D, 0x03, 0x30, 0x01, 0x02]).write(to: folder.appendingPathComponent("DG13.bin"))
        let card = try DataSetChip.load(folder)
        let connector = ClosureCardConnector { _ in CardConnection(transport: VirtualCardTransport(card: card), atr: card.atr) }
        let result = try await CardReader().read(connector: connector, access: F.access, options: F.options()).result()
        #expect(result.citizen == nil && result.rawFiles[.dataGroup(.dg13)] == [0x6D, 0x03, 0x30, 0x01, 0x02])
        let verification = try #require(result.verification)
        // Not the signed DG13: invalid (hash mismatch), with the missing citizen data reported too.
        #expect(verification.overall == .invalid, "\(verification)")
        #expect(verification.passive.reasons.contains { $0.code == .citizenDataMissing }, "\(verification)")
    }
}
