import CCCDKit
import CCCDTestSupport
import CCCDVerification
import CCCDVirtualCard
import Foundation
import Testing

/// Issue 14, item 1: the `lax` chip (ICAO 9303-11 to the letter, no more: no DO'99', errors in
/// clear ending secure messaging, no READ BINARY by SFI, short APDUs only) read end to end through
/// pcscd + vpcd, with PACE and with BAC, verified against the test PKI.
extension PCSCEndToEnd {
    struct LaxAccess: Sendable, CustomTestStringConvertible {
        var name: String
        var adjustments: DataSetChip.Adjustments
        var access: AccessInput
        var testDescription: String { name }
    }

    static let laxAccesses = [
        LaxAccess(name: "PACE", adjustments: .init(lax: true), access: .can("012345")),
        LaxAccess(name: "BAC", adjustments: .init(withoutPACE: true, lax: true), access: .mrz("190012345,900815,300815")),
    ]

    /// Serves the lax chip on the first reader, reads it through PC/SC and ejects it.
    func readLaxCard(_ lax: LaxAccess, faults: [CardFault] = []) async throws -> F.Ending {
        let card = try DataSetChip.load(F.dataSet, adjustments: lax.adjustments)
        card.installFaults(faults)
        let connection = VPCDConnection(card: card, port: bed.basePort)
        try connection.insertSettled()
        defer { connection.eject() }
        do {
            let result = try await CardReader().read(reader: bed.readerNames[0], access: lax.access, options: F.options()).result()
            return .verdict(result.verification?.overall ?? .notPerformed, result)
        } catch {
            return .failed(error)
        }
    }

    @Test(arguments: laxAccesses)
    func laxCardReadsCompletelyWithOneRestart(_ lax: LaxAccess) async throws {
        let ending = try await readLaxCard(lax)
        guard case .verdict(let overall, let result) = ending else {
            Issue.record("\(lax.name): \(ending)")
            return
        }
        // As for the default profile: every file genuine, passive, active and chip authentication valid.
        #expect(overall == .valid, "\(ending)")
        F.expectGenuine(result)
        #expect(result.access.protocol == lax.name)
        let verification = try #require(result.verification)
        #expect(verification.passive.status == .valid && verification.active.status == .valid
            && verification.chip.status == .valid, "\(verification)")
        #expect(result.citizen != nil && result.photo?.format == "jpeg")
        // The SFI READ BINARY of EF.COM gets a bare 6A 82, which ends secure messaging: exactly one
        // new access-control run, then SELECT for every file (and for the CA proof read).
        let statistics = result.statistics
        print("lax \(lax.name): \(statistics)")
        #expect(statistics.restarts == 1, "\(statistics)")
        #expect(statistics.secureMessagingAborts == 1, "\(statistics)")
        #expect(statistics.shortFileIdentifiersRefused)
        #expect(statistics.unauthenticatedStatusWords > 0, "\(statistics)")
        #expect(statistics.exchanges < 200, "\(statistics)")
    }

    @Test(arguments: laxAccesses)
    func laxCardWithTamperedMACFailsClosed(_ lax: LaxAccess) async throws {
        // A wrong checksum on every DG1 answer: never accepted, bounded retries, a typed error.
        let always = try await readLaxCard(
            lax, faults: [CardFault(FaultTrigger(command: .readBinary, file: FaultFile(name: "DG1"), repeat: true), .wrongMAC)])
        guard case .failed(let error) = always, case .fileRead(.connectionLost(let file, _, let attempts, let reason)) = error else {
            Issue.record("\(lax.name): \(always)")
            return
        }
        #expect(file == .dataGroup(.dg1) && attempts == FileReader.Options().maxRecoveries, "\(error)")
        #expect(reason.contains("MAC"), "\(reason)")

        // Once: the session is dropped, a new one reads the genuine bytes (one restart more).
        let once = try await readLaxCard(
            lax, faults: [CardFault(FaultTrigger(command: .readBinary, file: FaultFile(name: "DG1"), occurrence: 1), .wrongMAC)])
        guard case .verdict(.valid, let result) = once else {
            Issue.record("\(lax.name): \(once)")
            return
        }
        F.expectGenuine(result)
        #expect(result.statistics.restarts == 2 && result.statistics.secureMessagingAborts == 1, "\(result.statistics)")
    }
}
