/// A transport that can attach a note to the exchange it last carried: the layers above
/// (secure messaging) mark what the raw bytes cannot show, e.g. a status word the MAC did not
/// cover. Wrappers forward the note to the transport they wrap.
package protocol TranscriptAnnotating: CardTransport {
    func annotateLastExchange(_ note: String)
}

extension CardTransport {
    /// Attaches `note` to the last exchange when this transport (or one it wraps) records one.
    package func annotateLastExchangeIfRecorded(_ note: String) {
        (self as? any TranscriptAnnotating)?.annotateLastExchange(note)
    }
}
