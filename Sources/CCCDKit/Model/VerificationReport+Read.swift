import CCCDVerification
import Foundation

/// The `verification` block of the one result model is ``VerificationReport`` (CCCDVerification):
/// the same type for `cccd read`, `cccd verify` and the daemon, so a read and the re-verification of
/// its dump encode alike.
extension VerificationReport {
    /// What to report when no verifier ran: `incomplete`, never `valid`.
    public static func notAvailable(reason: String = "verification not available", at time: Date = Date())
        -> VerificationReport
    {
        let passive = PassiveAuthenticationResult(
            reasons: [VerificationReason(.notPerformed, .incomplete, reason)], dataGroups: [:], hashAlgorithm: nil,
            signatureAlgorithm: nil, documentSigner: nil, trustAnchor: nil, verificationTime: time)
        return VerificationReport(
            passive: passive, active: .notPerformed(reason), chip: .notPerformed(reason))
    }
}
