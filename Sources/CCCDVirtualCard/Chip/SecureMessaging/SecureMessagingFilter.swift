import CCCDTransport

extension ChipController {
    /// The chip's secure-messaging layer, in front of every command but GET RESPONSE:
    /// - a plain command ends an open session (and its access rights), then runs plain;
    /// - a protected command without a session, or one that fails unwrapping, gets a bare
    ///   `69 87` / `69 88` and the session is dropped;
    /// - otherwise the plain command runs and its response, errors included, goes back protected —
    ///   except, with ``CardProfile/secureMessagingErrorsInClear``, an error status word without
    ///   data: it goes back bare and the session ends (§9.8.5, older chips);
    /// - DO'99' is left out when ``CardProfile/secureMessagingStatusObject`` is off (§9.8.4).
    func secureMessagingFilter(_ command: CommandAPDU, card: VirtualCard, dispatch: (CommandAPDU) -> ResponseAPDU)
        -> ResponseAPDU
    {
        // SM bits b4-b3 of an interindustry CLA (b8 = 0).
        let isProtected = command.cla & 0x80 == 0 && command.cla & 0x0C == 0x0C
        let (current, generation) = withState { ($0.session, $0.sessionGeneration) }
        guard isProtected else {
            if current != nil { dropSession(card: card) }
            return dispatch(command)
        }
        guard let session = current else {
            return card.status(.secureMessagingDataObjectIncorrect)
        }
        let unwrapped: (plain: CommandAPDU, session: ChipSecureMessagingSession)
        do {
            unwrapped = try CommandUnwrapping.unwrap(command, session: session)
        } catch {
            dropSession(card: card)
            return card.status(error == .missingDataObject ? .secureMessagingDataObjectMissing : .secureMessagingDataObjectIncorrect)
        }
        let response = dispatch(unwrapped.plain)
        if card.profile.secureMessagingErrorsInClear && Self.isError(response) {
            dropSession(card: card)
            return response
        }
        let limit = card.profile.getResponseChaining
            ? card.profile.maxResponseDataLength
            : min(command.ne ?? card.profile.maxResponseDataLength, card.profile.maxResponseDataLength)
        let odd = command.ins & 0x01 == 1
        let includeStatus = card.profile.secureMessagingStatusObject && !card.injectedFaults.contains(.missingStatusObject)
        do {
            var wrapped = try ResponseWrapping.wrap(
                response, oddInstruction: odd, session: unwrapped.session, includeStatus: includeStatus)
            if wrapped.protected.count > limit {
                // The protected answer would not fit the response: say so, under SM.
                if card.profile.secureMessagingErrorsInClear {
                    dropSession(card: card)
                    return card.status(.wrongLength)
                }
                wrapped = try ResponseWrapping.wrap(
                    ResponseAPDU(data: [], status: .wrongLength), oddInstruction: odd, session: unwrapped.session,
                    includeStatus: includeStatus)
            }
            // Keep the advanced counter unless the command itself opened or dropped a session.
            let advanced = wrapped.session
            withState { state in
                if state.sessionGeneration == generation { state.session = advanced }
            }
            return ResponseAPDU(data: wrapped.protected, status: Self.outerStatus(response.status))
        } catch {
            dropSession(card: card)
            return card.status(.noPreciseDiagnosis)
        }
    }

    /// An execution or checking error (SW1 64–6F) without data, which an older chip answers in clear.
    static func isError(_ response: ResponseAPDU) -> Bool {
        response.data.isEmpty && (0x64...0x6F).contains(response.status.sw1)
    }

    /// The status word outside the protected data: the inner one, except the transmission-level
    /// `61 xx` / `6C xx`, which would make the reader re-send a command the SSC has already passed.
    static func outerStatus(_ inner: StatusWord) -> StatusWord {
        switch inner.sw1 {
        case 0x61, 0x6C: return .success
        default: return inner
        }
    }
}
