import CCCDLDS
import CCCDProtocols
import CCCDTransport

extension FileReader {
    /// The channel in use now (after any recovery), e.g. for checks that need the chip afterwards.
    package var currentSender: any APDUSender { connection.sender }

    /// The connection in use now (after any recovery), with its secure-messaging session if any.
    public var currentConnection: Connection { connection }

    /// Watches the next protected exchange: after Chip Authentication switched the channel to new
    /// keys, the next file read proves them (``keyProof``) instead of a separate proof read.
    package func expectKeyProof() { keyProof = .pending }

    /// Ends the watch started by ``expectKeyProof()``, returning what it saw.
    package func takeKeyProof() -> KeyProof? {
        defer { keyProof = nil }
        return keyProof
    }

    /// True when the channel is known to be dead (the next command first re-establishes access).
    package var needsRecovery: Bool { pendingRecovery != nil }

    /// Opens a new session when the last answer left the channel dead (the card ended secure
    /// messaging with a bare status word), so that checks run after the files get a live channel.
    /// `file` names the last file read, for the error.
    package func reestablishIfNeeded(after file: LDSFile) async throws(FileReadError) {
        guard pendingRecovery != nil else { return }
        try await recover(file: file, offset: 0)
    }

    /// What the first protected exchange after a key change showed.
    package enum KeyProof: Sendable, Equatable {
        /// No exchange yet since ``expectKeyProof()``.
        case pending
        /// A protected answer verified under the new keys.
        case proven
        /// The answer failed secure messaging (wrong MAC, malformed objects): the chip does not
        /// hold the keys. `reason` describes the error.
        case failed(reason: String)
        /// Nothing was shown: the card went away or answered with a bare status word.
        case unproven(reason: String)
    }
}
