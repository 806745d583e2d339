import CCCDCrypto
import CCCDLDS
import Foundation

/// The CMS SignedData steps of passive authentication (RFC 5652 §5.4–5.6), each a small function
/// returning reasons: locate the signer, check the signed attributes, verify the signature.
/// Used for EF.SOD, EF.CardSecurity and CSCA master lists.
public enum SignedDataCheck {
    /// What the CMS steps established.
    public struct Outcome: Sendable {
        public var reasons: [VerificationReason]
        /// The signer's certificate, when found.
        public var signer: X509Certificate?
        /// The signature scheme, when understood.
        public var scheme: SignatureScheme?
        /// Whether the signature over the signed attributes (or content) verified.
        public var signatureValid: Bool
        /// The decodable certificates embedded in the SignedData.
        public var embedded: [X509Certificate] = []
    }

    /// Runs the CMS steps on `signedData`, looking for the signer among its certificates and
    /// `extraCertificates`. `requireSignedAttributes`: ICAO requires them in EF.SOD.
    public static func run(
        _ signedData: SignedData, extraCertificates: [X509Certificate] = [], requireSignedAttributes: Bool
    ) -> Outcome {
        var reasons: [VerificationReason] = []
        guard let signerInfo = signedData.signerInfos.first else {
            return Outcome(
                reasons: [VerificationReason(.signerInfoMissing, .failure, "the SignedData has no SignerInfo")],
                signer: nil, scheme: nil, signatureValid: false)
        }
        if signedData.signerInfos.count > 1 {
            reasons.append(VerificationReason(
                .multipleSignerInfos, .warning,
                "\(signedData.signerInfos.count) SignerInfos; only the first is verified"))
        }
        guard let content = signedData.encapsulatedContent else {
            reasons.append(VerificationReason(.messageDigestMissing, .failure, "the signed content is missing"))
            return Outcome(reasons: reasons, signer: nil, scheme: nil, signatureValid: false)
        }
        let embedded = embeddedCertificates(signedData)
        let certificates = embedded + extraCertificates
        let signer = SignerLocator.locate(signerInfo.signerIdentifier, in: certificates)

        reasons += signedAttributesReasons(signerInfo, contentType: signedData.encapsulatedContentType,
                                           content: content, required: requireSignedAttributes)

        let scheme: SignatureScheme
        do {
            scheme = try SignatureScheme(
                signatureAlgorithmOID: signerInfo.signatureAlgorithm.oid,
                parameters: signerInfo.signatureAlgorithm.parameters,
                digestAlgorithmOID: signerInfo.digestAlgorithm.oid)
        } catch {
            reasons.append(VerificationReason(.signatureAlgorithmUnsupported, .incomplete, "\(error)"))
            return Outcome(reasons: reasons, signer: signer, scheme: nil, signatureValid: false, embedded: embedded)
        }
        guard let signer else {
            reasons.append(VerificationReason(
                .signerCertificateNotFound, .incomplete,
                "the document signer certificate is neither in the SignedData nor in the trust store"))
            return Outcome(reasons: reasons, signer: nil, scheme: scheme, signatureValid: false, embedded: embedded)
        }
        let message = signerInfo.signedAttributes?.bytesForSignature ?? content
        let valid: Bool
        do {
            valid = try SignatureVerifier.verify(
                message: message, signature: signerInfo.signature, scheme: scheme, key: signer.publicKey())
        } catch {
            reasons.append(VerificationReason(
                .signatureAlgorithmUnsupported, .incomplete, "\(error)", certificate: signer.subject))
            return Outcome(reasons: reasons, signer: signer, scheme: scheme, signatureValid: false, embedded: embedded)
        }
        if !valid {
            reasons.append(VerificationReason(
                .signatureInvalid, .failure, "the SignerInfo signature (\(scheme)) does not verify",
                certificate: signer.subject))
        }
        return Outcome(reasons: reasons, signer: signer, scheme: scheme, signatureValid: valid, embedded: embedded)
    }

    /// The certificates embedded in the SignedData that OpenSSL can decode.
    public static func embeddedCertificates(_ signedData: SignedData) -> [X509Certificate] {
        signedData.certificates.compactMap { try? X509Certificate(der: $0) }
    }

    /// Signed attributes: present (when required), content type = eContentType, message digest =
    /// hash of the content with the SignerInfo's digest algorithm.
    static func signedAttributesReasons(
        _ signerInfo: SignerInfo, contentType: String, content: [UInt8], required: Bool
    ) -> [VerificationReason] {
        guard let attributes = signerInfo.signedAttributes else {
            return required
                ? [VerificationReason(
                    .signedAttributesMissing, .failure,
                    "the SignerInfo has no signed attributes (ICAO 9303-10 requires content type and message digest)")]
                : []
        }
        var reasons: [VerificationReason] = []
        if attributes.contentType != contentType {
            reasons.append(VerificationReason(
                .contentTypeMismatch, .failure,
                "content-type attribute \(attributes.contentType ?? "missing") differs from eContentType \(contentType)"))
        }
        guard let expected = attributes.messageDigest else {
            reasons.append(VerificationReason(.messageDigestMissing, .failure, "message-digest attribute missing"))
            return reasons
        }
        guard let hash = Digest.algorithm(oid: signerInfo.digestAlgorithm.oid) else {
            reasons.append(VerificationReason(
                .hashAlgorithmUnsupported, .incomplete, "digest algorithm \(signerInfo.digestAlgorithm.oid)"))
            return reasons
        }
        guard let actual = try? Digest.hash(content, algorithm: hash), actual == expected else {
            reasons.append(VerificationReason(
                .messageDigestMismatch, .failure,
                "message-digest attribute does not match the \(hash.rawValue) of the signed content"))
            return reasons
        }
        return reasons
    }
}
