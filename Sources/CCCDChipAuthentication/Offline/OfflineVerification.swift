import CCCDLDS
import CCCDVerification
import Foundation

/// `cccd verify DIR`: passive authentication of a dump; Active Authentication re-checked from the
/// dump's evidence (`AA.challenge.bin`, `AA.response.bin`) when present; PACE-CAM re-checked from
/// `CAM.mappingKey.bin` and `CAM.caIC.bin` (``PACECAMEvidenceCheck``) when present. Chip
/// Authentication proper needs the chip and is `not-performed`.
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
        var chip = AuthenticationResult.notPerformed(
            "offline verification of a dump without PACE-CAM evidence: chip authentication needs the chip")
        if let evidence = dump.chipAuthentication {
            chip = PACECAMEvidenceCheck.verify(
                evidence, files: dump.files, passive: passive, trustStore: trustStore, options: options)
        }
        return VerificationReport(passive: passive, active: active, chip: chip)
    }
}
