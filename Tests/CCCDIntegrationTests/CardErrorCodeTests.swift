import CCCDKit
import CCCDTransport
import Testing

/// The read errors' stable codes and the causes they keep, while their messages stay as they were
/// (the CLI and the daemon print them). No card needed.
@Suite struct CardErrorCodeTests {
    @Test func transportFailureKeepsItsCause() {
        let pcsc = CardTransportError.pcsc(code: 0x8010_0016, name: "SCARD_E_NOT_TRANSACTED", message: "x")
        let lost = CardReadError.from(pcsc)
        #expect(lost.code == "connection_lost")
        #expect(lost.underlyingError as? CardTransportError == pcsc)
        #expect(lost.description.hasPrefix("the connection to the card was lost: "))

        let silent = CardReadError.from(CardTransportError.timeout)
        #expect(silent.description == "the connection to the card was lost: the card did not answer in time")
        #expect(silent.underlyingError as? CardTransportError == .timeout)

        let service = CardReadError.from(CardTransportError.serviceUnavailable("no socket"))
        #expect(service.code == "service_unavailable" && service.description.hasSuffix(": no socket"))
        #expect(service.underlyingError as? CardTransportError == .serviceUnavailable("no socket"))
    }

    @Test func malformedAccessInputKeepsTheMRZError() {
        do {
            _ = try AccessInput.mrz("C01234567,901315,300815").accessKey()
            Issue.record("accepted a 13th month")
        } catch {
            #expect(error.code == "invalid_access_input")
            let cause = error.underlyingError as? MRZError
            #expect(cause != nil)
            #expect(error.description == "invalid access key input: \(cause.map { "\($0)" } ?? "")")
        }
        do {
            _ = try AccessInput.can("12a456").accessKey()
            Issue.record("accepted a CAN with a letter")
        } catch {
            #expect(error.code == "invalid_access_input" && error.underlyingError == nil)
        }
    }

    @Test func codesWithoutCause() {
        #expect(CardReadError.noCard.code == "no_card" && CardReadError.noCard.underlyingError == nil)
        #expect(CardReadError.wrongAccessKey(retriesLeft: 2).code == "wrong_access_key")
        #expect(CardReadError.from(CancellationError()).code == "cancelled")
        let file = FileReadError.cardRejected(file: .dataGroup(.dg1), status: StatusWord(0x6982))
        #expect(CardReadError.fileRead(file).code == "file_read_failed")
        #expect(CardReadError.fileRead(file).underlyingError as? FileReadError == file && file.code == "card_rejected")
        #expect(EvidenceError.noSecurityObject.code == "no_security_object")
    }
}
