import COpenSSL
import Foundation

/// The document signer → CSCA step: path to a trust anchor at the verification time, then the
/// key usage of the signer certificate.
public enum ChainCheck {
    /// The reasons and the verified path.
    public struct Outcome: Sendable {
        public var reasons: [VerificationReason]
        /// Leaf first, anchor last, when the path verified.
        public var chain: [X509Certificate]
        public var anchor: X509Certificate? { chain.count > 1 ? chain.last : nil }
    }

    /// Validates `signer` against the store's anchors at `time`.
    ///
    /// A path that fails only because a certificate is past its validity is re-checked without
    /// the validity periods: when it is sound then, the reason is `certificateExpired` with
    /// severity `expired` (the document is genuine but out of date), not a failure.
    public static func run(signer: X509Certificate, intermediates: [X509Certificate], store: TrustStore, at time: Date)
        -> Outcome
    {
        var reasons = keyUsageReasons(signer)
        let outcome: CertificateChainValidator.Outcome
        do {
            outcome = try validate(signer, intermediates, store, time, checkTime: true)
            if outcome.errorCode == X509_V_ERR_CERT_HAS_EXPIRED {
                let timeless = try validate(signer, intermediates, store, time, checkTime: false)
                if timeless.errorCode == 0 {
                    reasons.append(VerificationReason(
                        .certificateExpired, .expired,
                        "certificate expired on \(day(concerned(outcome, signer).notAfter)) (before the verification time)",
                        certificate: concerned(outcome, signer).subject))
                    reasons += keyUsagePeriodReasons(timeless.chain)
                    return Outcome(reasons: reasons, chain: timeless.chain)
                }
                reasons += failureReasons(timeless, signer: signer, at: time)
                return Outcome(reasons: reasons, chain: [])
            }
        } catch {
            reasons.append(VerificationReason(.certificateChainInvalid, .incomplete, "\(error)", certificate: signer.subject))
            return Outcome(reasons: reasons, chain: [])
        }
        if outcome.errorCode == 0 {
            reasons += keyUsagePeriodReasons(outcome.chain)
            return Outcome(reasons: reasons, chain: outcome.chain)
        }
        reasons += failureReasons(outcome, signer: signer, at: time)
        return Outcome(reasons: reasons, chain: [])
    }

    private static func validate(
        _ signer: X509Certificate, _ intermediates: [X509Certificate], _ store: TrustStore, _ time: Date, checkTime: Bool
    ) throws(VerificationCryptoError) -> CertificateChainValidator.Outcome {
        try CertificateChainValidator.verify(
            leaf: signer, anchors: store.store, anchorCertificates: store.anchors, intermediates: intermediates,
            at: time, checkTime: checkTime)
    }

    /// The certificate an OpenSSL error concerns (the signer when the depth is outside the path built).
    private static func concerned(_ outcome: CertificateChainValidator.Outcome, _ signer: X509Certificate)
        -> X509Certificate
    {
        outcome.chain.indices.contains(Int(outcome.errorDepth)) ? outcome.chain[Int(outcome.errorDepth)] : signer
    }

    private static func day(_ date: Date?) -> String {
        guard let date else { return "an unknown date" }
        return String(ISO8601DateFormatter().string(from: date).prefix(10))
    }

    /// The reasons of a path OpenSSL rejected.
    private static func failureReasons(_ outcome: CertificateChainValidator.Outcome, signer: X509Certificate, at time: Date)
        -> [VerificationReason]
    {
        let subject = concerned(outcome, signer).subject
        switch outcome.errorCode {
        case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY, X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT,
            X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE, X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN,
            X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
            var reasons = [VerificationReason(
                .certificateChainUntrusted, .untrusted,
                "the document signer does not chain to a trusted CSCA (\(outcome.errorText))",
                certificate: signer.subject)]
            // The path could not be built, so its validity was not checked; still say when the
            // signer itself is outside its validity period.
            if let notAfter = signer.notAfter, notAfter < time {
                reasons.append(VerificationReason(
                    .signerCertificateExpiredUnchecked, .warning,
                    "the document signer certificate expired on \(day(notAfter))", certificate: signer.subject))
            }
            return reasons
        case X509_V_ERR_CERT_HAS_EXPIRED:
            return [VerificationReason(
                .certificateExpired, .failure, "certificate expired at the verification time", certificate: subject)]
        case X509_V_ERR_CERT_NOT_YET_VALID:
            return [VerificationReason(
                .certificateNotYetValid, .failure, "certificate not yet valid at the verification time",
                certificate: subject)]
        case X509_V_ERR_CERT_SIGNATURE_FAILURE:
            return [VerificationReason(
                .certificateSignatureInvalid, .failure, "certificate signature does not verify", certificate: subject)]
        default:
            return [VerificationReason(
                .certificateChainInvalid, .failure, "certificate path rejected: \(outcome.errorText)",
                certificate: subject)]
        }
    }

    /// ICAO 9303-12: a CSCA key signs only within its private-key usage period, so a document
    /// signer issued outside the period of the CSCA certificate that verified it is suspicious
    /// (a warning: the signature itself verified).
    public static func keyUsagePeriodReasons(_ chain: [X509Certificate]) -> [VerificationReason] {
        guard chain.count >= 2, let issued = chain[0].notBefore,
            let period = chain[1].privateKeyUsagePeriod
        else { return [] }
        let early = period.notBefore.map { issued < $0 } ?? false
        let late = period.notAfter.map { issued > $0 } ?? false
        guard early || late else { return [] }
        return [VerificationReason(
            .signerIssuedOutsideKeyUsagePeriod, .warning,
            "the document signer was issued on \(day(issued)), outside the CSCA's private-key usage period "
                + "(\(day(period.notBefore)) to \(day(period.notAfter)))",
            certificate: chain[0].subject)]
    }

    /// A document signer must be allowed to make digital signatures (when it says at all).
    static func keyUsageReasons(_ signer: X509Certificate) -> [VerificationReason] {
        guard let usage = signer.keyUsage else {
            return [VerificationReason(
                .keyUsageMissing, .warning, "the document signer certificate has no key-usage extension",
                certificate: signer.subject)]
        }
        if usage & UInt32(KU_DIGITAL_SIGNATURE) == 0 {
            return [VerificationReason(
                .keyUsageInvalid, .failure, "the document signer certificate does not allow digital signatures",
                certificate: signer.subject)]
        }
        return []
    }
}
