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
    public static func run(signer: X509Certificate, intermediates: [X509Certificate], store: TrustStore, at time: Date)
        -> Outcome
    {
        var reasons = keyUsageReasons(signer)
        let outcome: CertificateChainValidator.Outcome
        do {
            outcome = try CertificateChainValidator.verify(
                leaf: signer, anchors: store.store, anchorCertificates: store.anchors, intermediates: intermediates,
                at: time)
        } catch {
            reasons.append(VerificationReason(.certificateChainInvalid, .incomplete, "\(error)", certificate: signer.subject))
            return Outcome(reasons: reasons, chain: [])
        }
        if outcome.errorCode == 0 {
            return Outcome(reasons: reasons, chain: outcome.chain)
        }
        let concerned = outcome.chain.indices.contains(Int(outcome.errorDepth))
            ? outcome.chain[Int(outcome.errorDepth)].subject : signer.subject
        switch outcome.errorCode {
        case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY, X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT,
            X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE, X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN,
            X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
            reasons.append(VerificationReason(
                .certificateChainUntrusted, .untrusted,
                "the document signer does not chain to a trusted CSCA (\(outcome.errorText))",
                certificate: signer.subject))
            // The path could not be built, so its validity was not checked; still say when the
            // signer itself is outside its validity period.
            if let notAfter = signer.notAfter, notAfter < time {
                reasons.append(VerificationReason(
                    .signerCertificateExpiredUnchecked, .warning,
                    "the document signer certificate expired on \(ISO8601DateFormatter().string(from: notAfter))",
                    certificate: signer.subject))
            }
        case X509_V_ERR_CERT_HAS_EXPIRED:
            reasons.append(VerificationReason(
                .certificateExpired, .failure, "certificate expired at the verification time", certificate: concerned))
        case X509_V_ERR_CERT_NOT_YET_VALID:
            reasons.append(VerificationReason(
                .certificateNotYetValid, .failure, "certificate not yet valid at the verification time",
                certificate: concerned))
        case X509_V_ERR_CERT_SIGNATURE_FAILURE:
            reasons.append(VerificationReason(
                .certificateSignatureInvalid, .failure, "certificate signature does not verify", certificate: concerned))
        default:
            reasons.append(VerificationReason(
                .certificateChainInvalid, .failure, "certificate path rejected: \(outcome.errorText)",
                certificate: concerned))
        }
        return Outcome(reasons: reasons, chain: [])
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
