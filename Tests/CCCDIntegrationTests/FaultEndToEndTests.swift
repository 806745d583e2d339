import CCCDKit
import CCCDTestSupport
import CCCDVerification
import CCCDVirtualCard
import Foundation
import Testing

/// The faults that only a real PC/SC stack shows, through pcscd + vpcd: the card leaving the field
/// at an APDU index (vpcd's connection drops, pcscd reports the card removed; the card comes back
/// after a second) and a card that stays silent beyond the exchange timeout (SCardTransmit cannot
/// be interrupted: the reader abandons the handle and reconnects). Each read is a full read with
/// verification against the test PKI; the next read of a good card must be `valid`.
extension PCSCEndToEnd {
    typealias F = FaultMatrixSupport

    /// Reads the card on the first vpcd reader through PC/SC.
    func pcscRead(_ options: ReadOptions = F.options()) async -> F.Ending {
        do {
            let result = try await CardReader().read(reader: bed.readerNames[0], access: F.access, options: options).result()
            return .verdict(result.verification?.overall ?? .incomplete, result)
        } catch {
            return .failed(error)
        }
    }

    /// Serves `faults` on the first reader (re-inserting the card after fault removals), runs
    /// `body`, then checks that a good card in the same reader reads `valid`.
    func withFaultyCard(_ faults: [CardFault], _ body: (FaultReinsertion) async throws -> Void) async throws {
        let card = try F.chip([])
        let connection = VPCDConnection(card: card, port: bed.basePort)
        try connection.insertSettled()
        card.installFaults(faults)
        let reinsertion = FaultReinsertion(connection)
        do {
            try await body(reinsertion)
        } catch {
            reinsertion.stop()
            connection.eject()
            throw error
        }
        reinsertion.stop()
        connection.eject()

        let good = VPCDConnection(card: try F.chip([]), port: bed.basePort)
        try good.insertSettled()
        defer { good.eject() }
        let next = await pcscRead()
        guard case .verdict(.valid, let result) = next else {
            Issue.record("the next read of a good card: \(next)")
            return
        }
        F.expectGenuine(result)
    }

    /// A sample of APDU indices of the full read: access control, the file reads, the last file
    /// read, and Active Authentication.
    @Test(arguments: [1, 3, 6, 9, 12, 16, 20])
    func removalAtAPDUIndexThroughPCSC(_ index: Int) async throws {
        let instructions = try await FaultMatrix.reference.instructions()
        guard index <= instructions.count else { return }
        let verificationStart = try #require(instructions.firstIndex(of: 0x88))
        try await withFaultyCard([CardFault(FaultTrigger(apdu: index), .remove(reinsertAfter: .seconds(1)))]) { reinsertion in
            let ending = await pcscRead()
            // A read that ends without waiting for the card (AA/CA lost) ends before the re-insertion.
            let deadline = ContinuousClock.now + .seconds(5)
            while reinsertion.reinsertions == 0 && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
            #expect(reinsertion.reinsertions == 1, "APDU #\(index): the card was not removed and re-inserted")
            if index - 1 >= verificationStart {
                #expect(ending.status == .incomplete, "APDU #\(index): \(ending)")
            } else if case .verdict(.valid, let result) = ending {
                F.expectGenuine(result)
            } else {
                Issue.record("APDU #\(index) (INS \(String(format: "%02X", instructions[index - 1]))): \(ending)")
            }
        }
    }

    @Test func removalDuringActiveAuthenticationThroughPCSC() async throws {
        let instructions = try await FaultMatrix.reference.instructions()
        let aa = try #require(instructions.firstIndex(of: 0x88)) + 1
        try await withFaultyCard([CardFault(FaultTrigger(apdu: aa), .remove(reinsertAfter: .seconds(1)))]) { _ in
            let ending = await pcscRead()
            // AA cannot be resumed on a new channel: incomplete (read again), never valid, no clone alarm.
            #expect(ending.status == .incomplete, "\(ending)")
            if case .verdict(_, let result) = ending {
                #expect(result.verification?.active.status == .notPerformed)
                // Chip Authentication ran during the read (after DG14, proven by the next file
                // read), before AA: it stands.
                #expect(result.verification?.chip.status == .valid)
                #expect(result.verification?.active.reasons.contains { $0.code == .transmissionFailed } == true)
            }
        }
    }

    /// The card stays silent for 6 s on a DG2 read; with a 2 s exchange timeout the reader gives
    /// the handle up, reconnects once the stuck transmit ended and finishes `valid`.
    @Test func silentCardBeyondTheTimeoutThroughPCSC() async throws {
        try await withFaultyCard([CardFault(FaultTrigger(command: .readBinary, file: FaultFile(name: "DG2"), occurrence: 1),
                                            .delay(.seconds(6)))]) { _ in
            let start = ContinuousClock.now
            let ending = await pcscRead(F.options(exchangeTimeout: .seconds(2)))
            let elapsed = ContinuousClock.now - start
            if case .verdict(.valid, let result) = ending {
                F.expectGenuine(result)
            } else {
                Issue.record("\(ending)")
            }
            #expect(elapsed < .seconds(30), "the read took \(elapsed)")
        }
    }

    /// A card that goes silent for good (every command from the 10th on waits 10 s): a typed error
    /// within a bounded time, no hang.
    @Test func cardThatStaysSilentThroughPCSC() async throws {
        try await withFaultyCard([CardFault(FaultTrigger(apdu: 10, repeat: true), .delay(.seconds(10)))]) { _ in
            let start = ContinuousClock.now
            var options = F.options(exchangeTimeout: .seconds(1))
            options.cardTimeout = .seconds(5)
            let ending = await pcscRead(options)
            let elapsed = ContinuousClock.now - start
            guard case .failed(let error) = ending else {
                Issue.record("\(ending)")
                return
            }
            #expect(FaultMatrix.ErrorKind.connectionLost.matches(error) || error == .noCard, "\(error)")
            #expect(elapsed < .seconds(60), "the read took \(elapsed)")
        }
    }
}
