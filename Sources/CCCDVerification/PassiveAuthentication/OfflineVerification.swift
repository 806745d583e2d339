import CCCDLDS
import Foundation

/// `cccd verify DIR`: passive authentication of a dump; Active Authentication re-checked from the
/// dump's evidence (`AA.challenge.bin`, `AA.response.bin`) when present; chip authentication needs
/// the chip and is `not-performed`.
public enum OfflineVerification {
    /// The verification report of a dump folder.
    public static func verify(
        _ dump: DumpFolder, trustStore: TrustStore, options: PassiveAuthenticationOptions = PassiveAuthenticationOptions()
    ) -> VerificationReport {
        let passive = CitizenDataRequirement.apply(
            to: PassiveAuthenticator.verify(dump.passiveAuthenticationInput, trustStore: trustStore, options: options),
            files: dump.files)
        let active = dump.activeAuthentication.map {
            ActiveAuthenticationEvidenceCheck.verify($0, files: dump.files, passive: passive)
        } ?? .notPerformed("offline verification of a dump without Active Authentication evidence")
        return VerificationReport(
            passive: passive, active: active,
            chip: .notPerformed("offline verification of a dump: chip authentication needs the chip"))
    }
}
