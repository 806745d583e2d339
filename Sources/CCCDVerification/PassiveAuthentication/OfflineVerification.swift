import CCCDLDS
import Foundation

/// `cccd verify DIR`: passive authentication of a dump; active and chip authentication need the
/// chip and are `not-performed`.
public enum OfflineVerification {
    /// The verification report of a dump folder.
    public static func verify(
        _ dump: DumpFolder, trustStore: TrustStore, options: PassiveAuthenticationOptions = PassiveAuthenticationOptions()
    ) -> VerificationReport {
        let passive = CitizenDataRequirement.apply(
            to: PassiveAuthenticator.verify(dump.passiveAuthenticationInput, trustStore: trustStore, options: options),
            files: dump.files)
        return VerificationReport(
            passive: passive,
            active: .notPerformed("offline verification of a dump: active authentication needs the chip"),
            chip: .notPerformed("offline verification of a dump: chip authentication needs the chip"))
    }
}
