import CCCDTransport
import CCCDVerification

/// A card that stops answering in the middle of Active or Chip Authentication (pulled from the
/// reader, reset, silent past the timeout) has proved nothing either way. Calling that `invalid`
/// tells the teller "clone" about a genuine card taken away too early; calling it anything that
/// counts as passed would let a clone escape by going mute. So it is `not-performed` with an
/// `incomplete` reason, and the overall verdict is `incomplete` (never `valid`): read again.
/// A wrong answer (a bad signature, a MAC that fails, a status word refusing the command) stays
/// `invalid`. A response without a status word counts as no answer: through PC/SC, a reader
/// whose card has just gone away can hand back zero bytes.
enum AuthenticationInterruption {
    /// The result for `error` thrown while talking to the card during `step`, or `nil` when the
    /// error is not a lost connection (then the caller's `invalid` stands).
    static func result(after error: any Error, during step: String, method: String? = nil) -> AuthenticationResult? {
        guard let error = error as? CardTransportError else { return nil }
        return .interrupted("the card stopped answering during \(step) (\(error)); read the card again", method: method)
    }
}
