import CCCDKit
import CCCDTestSupport
import CCCDTransport
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
            return .verdict(result.verification?.overall ?? .incomplete, result)
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

/// The lax chip in-process: what the transcript shows, and a chip that ends secure messaging on
/// every answer cannot keep the reader restarting.
@Suite struct LaxCardInProcess {
    typealias F = FaultMatrixSupport

    @Test func transcriptNotesEveryStatusWordWithoutDO99() async throws {
        let card = try DataSetChip.load(F.dataSet, adjustments: .init(lax: true))
        let recorder = RecordingTransport(wrapping: VirtualCardTransport(card: card))
        let connector = ClosureCardConnector { _ in CardConnection(transport: recorder, atr: card.atr) }
        let result = try await CardReader().read(connector: connector, access: F.access, options: F.options()).result()
        #expect(result.verification?.overall == .valid)
        let transcript = recorder.recorded
        let notes = transcript.exchanges.compactMap(\.n)
        #expect(!notes.isEmpty && notes.allSatisfy { $0.contains("DO'99'") && $0.contains("unauthenticated") })
        // Every protected response of the read, AA and CA included (the SELECT after PACE is not
        // sent through the secure channel).
        #expect(notes.count == result.statistics.unauthenticatedStatusWords, "\(result.statistics)")
        #expect(result.statistics.exchanges == transcript.exchanges.count)
        // The round trip through JSON Lines keeps the notes.
        #expect(try Transcript(jsonLines: transcript.jsonLines()).exchanges.compactMap(\.n) == notes)
    }

    @Test func chipEndingEverySessionIsBounded() async throws {
        let card = try DataSetChip.load(F.dataSet, adjustments: .init(lax: true))
        // Every READ BINARY of DG2 answered 67 00 — in clear, ending secure messaging each time —
        // so every smaller size the ladder tries costs a new session. Before the bound this went
        // down the whole ladder; the SFI refusal of EF.COM already took the first abort.
        card.installFaults([CardFault(FaultTrigger(command: .readBinary, file: FaultFile(name: "DG2"), repeat: true),
                                      .status(.wrongLength))])
        let connector = FaultyCardConnector(card)
        do {
            let result = try await CardReader().read(connector: connector, access: F.access, options: F.options()).result()
            Issue.record("read should have failed: \(result.statistics)")
        } catch {
            guard case .fileRead(.connectionLost(_, _, _, let reason)) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(reason.contains("ended secure messaging 5 times"), "\(reason)")
        }
        // The first connection plus one per allowed abort (FileReader.Options.maxSessionAborts).
        #expect(connector.connections == 1 + FileReader.Options().maxSessionAborts)
    }
}
