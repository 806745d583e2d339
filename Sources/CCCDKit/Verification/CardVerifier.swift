import CCCDChipAuthentication
import CCCDLDS
import CCCDProtocols
import CCCDTransport
import CCCDVerification

/// Verifies a read completely: passive authentication (as ``PassiveReadVerifier``), then, over the
/// live channel, Active Authentication when DG15 was read and Chip Authentication when DG14 was
/// read — AA first, since CA switches the channel to new keys. After PACE-CAM the chip check is
/// PACE-CAM's (`PACECAMVerifier`) and Chip Authentication is not run.
///
/// The result is `VerificationReport`, the same type `cccd verify` reports for a dump.
/// `overall` is `valid` only when passive authentication is valid and no performed check failed;
/// a failed AA or CA makes it `invalid` (a cloned chip), one the card broke off (removed, silent)
/// `incomplete`. Without a channel (offline) AA and CA are
/// `not-performed`; CA needs the connection's secure-messaging session (``ChipChannel/session``).
public struct CardVerifier: ReadResultVerifier {
    public let trustStore: TrustStore
    public let options: PassiveAuthenticationOptions
    /// Whether INTERNAL AUTHENTICATE may use an extended Le (false when the reader is limited to
    /// short APDUs).
    public let extendedLengthSupported: Bool

    public init(
        trustStore: TrustStore = .default(), options: PassiveAuthenticationOptions = PassiveAuthenticationOptions(),
        extendedLengthSupported: Bool = true
    ) {
        self.trustStore = trustStore
        self.options = options
        self.extendedLengthSupported = extendedLengthSupported
    }

    public var authenticatesChipDuringRead: Bool { true }

    public func verify(_ result: CardReadResult, channel: ChipChannel?) async -> VerificationReport {
        let passive = CitizenDataRequirement.apply(
            to: PassiveAuthenticator.verify(
                PassiveAuthenticationInput(files: result.rawFiles), trustStore: trustStore, options: options),
            files: result.rawFiles)
        let (active, chip) = await ChipChecks.run(
            files: result.rawFiles, channel: channel,
            // A reader without extended APDUs (its profile, or what the ladder found) gets short Le.
            extendedLengthSupported: extendedLengthSupported
                && (result.statistics.readerProfile == nil || result.statistics.extendedLength),
            shortFileIdentifiersRefused: result.statistics.shortFileIdentifiersRefused,
            paceChipAuthentication: result.paceChipAuthentication,
            activeAuthenticationChallenge: result.activeAuthenticationChallenge,
            chipAuthentication: result.chipAuthenticationDuringRead)
        // The same rules as the offline re-check of the dump: DG15 must be signed for AA to count,
        // and PACE-CAM's key (EF.CardSecurity or DG14) must be the issuer's.
        var checkedChip = chip
        if result.paceChipAuthentication != nil {
            checkedChip = PACECAMEvidenceCheck.requireSignedKey(
                chip, files: result.rawFiles, passive: passive, trustStore: trustStore, options: options)
        }
        return VerificationReport(
            passive: passive, active: ActiveAuthenticationEvidenceCheck.requireSignedKey(active, passive: passive),
            chip: checkedChip)
    }
}
