import Foundation

/// CRL status of each certificate in a verified path, using the CRLs its issuer signed.
/// "No CRL" is reported as `revocationUnknown` (a warning), never silently ignored.
public enum RevocationCheck {
    /// Reasons about the CRL status of every non-anchor certificate of `chain` at `time`.
    public static func run(chain: [X509Certificate], revocationLists: [X509RevocationList], at time: Date)
        -> [VerificationReason]
    {
        guard chain.count >= 2 else { return [] }
        var reasons: [VerificationReason] = []
        for index in 0..<(chain.count - 1) {
            let certificate = chain[index]
            let issuer = chain[index + 1]
            let lists = revocationLists.filter { $0.isIssued(byNameOf: issuer) && $0.isSigned(by: issuer) }
            guard !lists.isEmpty else {
                reasons.append(VerificationReason(
                    .revocationUnknown, .warning, "no CRL of \(issuer.subject) is available: revocation unknown",
                    certificate: certificate.subject))
                continue
            }
            var revoked = false
            for list in lists {
                if let entry = list.revocationDate(of: certificate) {
                    // A revocation dated after the verification time did not apply then.
                    if let date = entry, date > time { continue }
                    revoked = true
                }
            }
            if revoked {
                reasons.append(VerificationReason(
                    .certificateRevoked, .failure, "certificate revoked by its issuer's CRL",
                    certificate: certificate.subject))
            } else if !lists.contains(where: { ($0.nextUpdate ?? .distantFuture) >= time }) {
                reasons.append(VerificationReason(
                    .revocationListOutdated, .warning,
                    "the newest CRL of \(issuer.subject) is past its next-update time", certificate: certificate.subject))
            }
        }
        return reasons
    }
}
