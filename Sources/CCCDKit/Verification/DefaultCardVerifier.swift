import CCCDTransport
import CCCDVerification

/// ``ReadOptions``' default verifier: ``CardVerifier`` with the default trust store
/// (`TrustStore.default()`, the folder `cccd trust` manages), loaded when the read is verified rather
/// than when the options are made. A read is verified unless the caller sets `verifier` to nil; with no
/// trust store provisioned passive authentication reports the missing anchor, never `valid`.
public struct DefaultCardVerifier: ReadResultVerifier {
    public init() {}

    public var authenticatesChipDuringRead: Bool { true }

    public func verify(_ result: CardReadResult, channel: ChipChannel?) async -> VerificationReport {
        await CardVerifier(trustStore: .default()).verify(result, channel: channel)
    }
}
