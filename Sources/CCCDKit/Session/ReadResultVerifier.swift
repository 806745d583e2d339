import CCCDTransport
import CCCDVerification

/// Fills the `verification` block (passive, active and chip authentication). Implemented by the
/// verification module; the reader only calls it.
public protocol ReadResultVerifier: Sendable {
    /// Verifies `result`. `channel` is the live connection for checks that need the chip (Active
    /// Authentication over its sender, Chip Authentication over its secure-messaging session, which
    /// it re-keys); nil when verifying offline.
    func verify(_ result: CardReadResult, channel: ChipChannel?) async -> VerificationReport

    /// True when the verifier checks the chip (Chip Authentication): the read then runs CA right
    /// after DG14 and lets the next file read prove the new keys (``CardReadResult/chipAuthenticationDuringRead``),
    /// saving the separate proof read.
    var authenticatesChipDuringRead: Bool { get }
}

extension ReadResultVerifier {
    public var authenticatesChipDuringRead: Bool { false }
}
