import CCCDLDS
import CCCDVerification

/// PACE-CAM checked from evidence (a dump's `CAM.mappingKey.bin` / `CAM.caIC.bin`, a bundle's
/// `chipAuthentication`), with no chip: the live check's `PK_map,IC = CA_IC × PK_IC`
/// (``PACECAMVerifier``, OpenSSL's EC arithmetic), against PK_IC of EF.CardSecurity or DG14.
///
/// What it proves: the chip holding SK_IC computed this CA_IC for this mapping key, i.e. it took
/// part in the PACE run that was recorded. What it does not: when — the terminal chose the PACE
/// nonce, not a back end, so a recorded run replays; freshness needs Active Authentication over
/// the back end's own challenge.
///
/// PK_IC counts only when its file is the issuer's (``requireSignedKey(_:files:passive:trustStore:options:)``),
/// for the live result as well, so a read and the re-verification of its dump agree.
public enum PACECAMEvidenceCheck {
    /// Re-verifies `evidence` against the chip key in `files`; `passive` is the files' passive authentication.
    public static func verify(
        _ evidence: ChipAuthenticationEvidence, files: [LDSFile: [UInt8]], passive: PassiveAuthenticationResult,
        trustStore: TrustStore, options: PassiveAuthenticationOptions = PassiveAuthenticationOptions()
    ) -> AuthenticationResult {
        let result = PACECAMVerifier.verify(
            PACECAMVerifier.ChipData(evidence), cardSecurity: files[.cardSecurity], dg14: files[.dataGroup(.dg14)])
        return requireSignedKey(result, files: files, passive: passive, trustStore: trustStore, options: options)
    }

    /// A `valid` PACE-CAM result stays valid only when PK_IC's file is vouched for by the issuer
    /// (fail closed):
    /// - EF.CardSecurity (read): its own signature and signer chain verify (``CardSecurityCheck``),
    ///   `valid` or merely `expired`. A failure makes CAM `invalid`; an untrusted or incomplete
    ///   chain leaves it `not-performed` (the key is not known to be the issuer's).
    /// - DG14: its hash is in an EF.SOD whose signature verified (passive authentication not
    ///   `invalid`), as for Active Authentication's DG15; otherwise `invalid`.
    public static func requireSignedKey(
        _ result: AuthenticationResult, files: [LDSFile: [UInt8]], passive: PassiveAuthenticationResult,
        trustStore: TrustStore, options: PassiveAuthenticationOptions = PassiveAuthenticationOptions()
    ) -> AuthenticationResult {
        guard result.status == .valid else { return result }
        var checked = result
        if let cardSecurity = files[.cardSecurity] {
            let reasons = CardSecurityCheck.run(cardSecurity, trustStore: trustStore, options: options)
            switch PassiveStatus(reasons: reasons) {
            case .valid, .expired:
                return result
            case .invalid:
                checked.status = .invalid
                checked.reasons.append(
                    VerificationReason(
                        .securityInfosUnauthenticated, .failure,
                        "EF.CardSecurity (the PACE-CAM key) does not verify: "
                            + (reasons.first { $0.severity == .failure }?.message ?? "signature or chain invalid")))
            case .untrusted, .incomplete:
                checked.status = .notPerformed
                checked.reasons.append(
                    VerificationReason(
                        .securityInfosUnauthenticated, .untrusted,
                        "EF.CardSecurity's signer does not chain to a trusted CSCA: the PACE-CAM key is not known to be the issuer's"
                    ))
            }
            return checked
        }
        if passive.dataGroups[14] == .valid && passive.status != .invalid { return result }
        checked.status = .invalid
        checked.reasons.append(
            VerificationReason(
                .dataGroupNotInSecurityObject, .failure, "DG14 (the PACE-CAM key) is not covered by a valid EF.SOD", dataGroup: 14
            ))
        return checked
    }
}
