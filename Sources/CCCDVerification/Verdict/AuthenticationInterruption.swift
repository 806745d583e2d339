import CCCDTransport

/// A card that stops answering in the middle of Active or Chip Authentication (pulled from the
/// reader, reset, silent past the timeout) has proved nothing either way. Calling that `invalid`
/// tells the teller "clone" about a genuine card taken away too early; calling it anything that
/// counts as passed would let a clone escape by going mute. So it is `not-performed` with an
/// `incomplete` reason, and the overall verdict is `incomplete` (never `valid`): read again.
/// A wrong answer (bad signature, bad MAC, malformed response) stays `invalid`.
enum AuthenticationInterruption {
    /// The result for `error` thrown while talking to the card during `step`, or `nil` when the
    /// error is not a lost connection (then the caller's `invalid` stands).
    static func result(after error: any Error, during step: String, method: String? = nil) -> AuthenticationResult? {
        guard let error = error as? CardTransportError, endsTheConnection(error) else { return nil }
        return AuthenticationResult(
            status: .notPerformed,
            reasons: [VerificationReason(
                .transmissionFailed, .incomplete, "the card stopped answering during \(step) (\(error)); read the card again")],
            method: method)
    }

    /// Every transport failure but a malformed answer (which is the card's answer, judged as such).
    static func endsTheConnection(_ error: CardTransportError) -> Bool {
        if case .malformedResponse = error { return false }
        return true
    }
}
