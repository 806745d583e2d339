import CCCDChipAuthentication
import CCCDLDS
import CCCDProtocols
import CCCDTransport
import CCCDVerification
import Testing

/// A card that stops answering during Active Authentication proved nothing: `not-performed` with an
/// `incomplete` reason and an `incomplete` overall verdict — neither `valid` nor the clone alarm
/// `invalid`. A wrong answer stays `invalid`.
@Suite("Active/Chip Authentication broken off by the card")
struct AuthenticationInterruptionTests {
    /// Answers every command by throwing `error`.
    struct FailingSender: APDUSender {
        let error: any Error & Sendable
        func send(_ command: CommandAPDU) async throws -> ResponseAPDU { throw error }
    }

    static func dg15() throws -> PublicKeyInfo {
        try DG15Parser.parse(try #require(try Fixtures.dump("default").files[.dataGroup(.dg15)]))
    }

    @Test(arguments: [
        CardTransportError.cardRemoved, .cardReset, .timeout, .cardUnresponsive, .readerUnavailable("r"),
        .malformedResponse("0 bytes"),
    ])
    func lostConnectionIsNotPerformedAndIncomplete(error: CardTransportError) async throws {
        let result = await ActiveAuthenticator.perform(over: FailingSender(error: error), dg15: try Self.dg15(), dg14: nil)
        #expect(result.status == .notPerformed)
        #expect(result.isInterrupted)
        #expect(result.reasons.map(\.code) == [.transmissionFailed])
        #expect(VerificationReport.overall(passive: .valid, active: result, chip: .notSupported("no DG14")) == .incomplete)
    }

    @Test func answerFailingSecureMessagingStaysInvalid() async throws {
        let result = await ActiveAuthenticator.perform(
            over: FailingSender(error: SecureMessagingError.sessionTerminated), dg15: try Self.dg15(), dg14: nil)
        #expect(result.status == .invalid)
        #expect(!result.isInterrupted)
        #expect(VerificationReport.overall(passive: .valid, active: result, chip: .notSupported("no DG14")) == .invalid)
    }

    @Test func interruptionNeverRaisesAWorseVerdict() {
        let interrupted = AuthenticationResult(
            status: .notPerformed, reasons: [VerificationReason(.transmissionFailed, .incomplete, "card removed")])
        let failed = AuthenticationResult.invalid(VerificationReason(.signatureInvalid, .failure, "bad signature"))
        let offline = AuthenticationResult.notPerformed("offline")
        #expect(VerificationReport.overall(passive: .valid, active: interrupted, chip: offline) == .incomplete)
        #expect(VerificationReport.overall(passive: .valid, active: offline, chip: interrupted) == .incomplete)
        #expect(VerificationReport.overall(passive: .valid, active: interrupted, chip: failed) == .invalid)
        #expect(VerificationReport.overall(passive: .untrusted, active: interrupted, chip: offline) == .untrusted)
        #expect(VerificationReport.overall(passive: .invalid, active: interrupted, chip: offline) == .invalid)
        // Not performed by choice (offline) keeps a valid passive result valid.
        #expect(VerificationReport.overall(passive: .valid, active: offline, chip: offline) == .valid)
    }
}
