import CCCDLDS
import CCCDProtocols
import CCCDVerification

/// Active Authentication checked from evidence (a dump's `AA.challenge.bin` / `AA.response.bin`),
/// with no chip: the same ISO/IEC 9796-2 / ECDSA check as the live one, against DG15.
///
/// A signature only proves anything when the key is the issuer's: DG15 must be covered by an
/// EF.SOD whose signature holds (``requireSignedKey(_:passive:)``), for the live result as well,
/// so a read and the re-verification of its dump agree.
public enum ActiveAuthenticationEvidenceCheck {
    /// Re-verifies `evidence` against the DG15 (and DG14's ActiveAuthenticationInfo) in `files`.
    public static func verify(
        _ evidence: ActiveAuthenticationEvidence, files: [LDSFile: [UInt8]], passive: PassiveAuthenticationResult
    ) -> AuthenticationResult {
        guard let dg15Bytes = files[.dataGroup(.dg15)] else {
            return AuthenticationResult.invalid(VerificationReason(
                .publicKeyMissing, .failure, "Active Authentication evidence without DG15 (the chip's public key)"))
                .with(evidence: evidence)
        }
        let key: PublicKeyInfo
        do {
            key = try DG15Parser.parse(dg15Bytes)
        } catch {
            return AuthenticationResult.invalid(VerificationReason(
                .publicKeyUnsupported, .failure, "DG15 does not parse: \(error)")).with(evidence: evidence)
        }
        // DG14 is optional for RSA; its ActiveAuthenticationInfo names the ECDSA hash.
        let info = files[.dataGroup(.dg14)].flatMap { try? DataGroup14.securityInfos($0) }?.activeAuthenticationInfos.first
        let result = ActiveAuthenticationVerifier.verify(
            signature: evidence.response, challenge: evidence.challenge, publicKey: key, info: info)
        return requireSignedKey(result.with(evidence: evidence), passive: passive)
    }

    /// A `valid` AA result stays valid only when DG15 matches its hash in an EF.SOD whose signature
    /// verified (passive authentication not `invalid`); otherwise it is `invalid` (fail closed).
    public static func requireSignedKey(_ result: AuthenticationResult, passive: PassiveAuthenticationResult)
        -> AuthenticationResult
    {
        guard result.status == .valid else { return result }
        if passive.dataGroups[15] == .valid && passive.status != .invalid { return result }
        var failed = result
        failed.status = .invalid
        failed.reasons.append(VerificationReason(
            .dataGroupNotInSecurityObject, .failure,
            "DG15 (the Active Authentication key) is not covered by a valid EF.SOD", dataGroup: 15))
        return failed
    }
}
