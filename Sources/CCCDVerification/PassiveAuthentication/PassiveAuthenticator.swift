import CCCDLDS
import Foundation

/// Passive authentication (ICAO 9303-11 §5.1): EF.SOD's CMS signature, the document signer's path
/// to a trusted CSCA with CRL status, the data-group hashes, and the issuing state.
///
/// Fails closed: every check that fails makes the verdict `invalid`; a verdict is `valid` only
/// when every performed check passed and the chain reached a trusted CSCA. A sound document
/// past its own or its signer's validity is `expired`.
public enum PassiveAuthenticator {
    /// Verifies `input` against `trustStore`.
    public static func verify(
        _ input: PassiveAuthenticationInput, trustStore: TrustStore,
        options: PassiveAuthenticationOptions = PassiveAuthenticationOptions()
    ) -> PassiveAuthenticationResult {
        let time = options.verificationTime
        guard let sodBytes = input.securityObject else {
            return PassiveAuthenticationResult(
                reasons: [VerificationReason(.securityObjectMissing, .incomplete, "EF.SOD was not read")],
                dataGroups: input.dataGroups.mapValues { _ in .unchecked }, hashAlgorithm: nil, signatureAlgorithm: nil,
                documentSigner: nil, trustAnchor: nil, verificationTime: time)
        }
        let sod: DocumentSecurityObject
        do {
            sod = try SODParser.parse(sodBytes)
        } catch {
            return PassiveAuthenticationResult(
                reasons: [VerificationReason(.securityObjectMalformed, .failure, "EF.SOD does not parse: \(error)")],
                dataGroups: input.dataGroups.mapValues { _ in .unchecked }, hashAlgorithm: nil, signatureAlgorithm: nil,
                documentSigner: nil, trustAnchor: nil, verificationTime: time)
        }
        var reasons: [VerificationReason] = []

        let hashes = DataGroupHashCheck.run(
            dataGroups: input.dataGroups, expected: sod.dataGroupHashes, algorithmOID: sod.hashAlgorithm.oid)
        reasons += hashes.reasons

        let signed = verifySignedData(
            sod.signedData, trustStore: trustStore, options: options)
        reasons += signed.reasons
        if let cardSecurity = input.cardSecurity {
            reasons += CardSecurityCheck.run(cardSecurity, trustStore: trustStore, options: options)
        }

        if options.checkDocumentExpiry {
            reasons += DocumentExpiryCheck.run(dataGroups: input.dataGroups, at: time)
        }
        if options.checkCountry {
            let issuingState = input.dataGroups[1].flatMap { try? DG1Parser.parse($0).mrz.issuingState }
            reasons += CountryCheck.run(issuingState: issuingState, signer: signed.signer, anchor: signed.anchor)
        }
        return PassiveAuthenticationResult(
            reasons: reasons, dataGroups: hashes.checks,
            hashAlgorithm: Digest.algorithm(oid: sod.hashAlgorithm.oid)?.rawValue ?? sod.hashAlgorithm.oid,
            signatureAlgorithm: signed.scheme?.description, documentSigner: signed.signer.map(CertificateSummary.init),
            trustAnchor: signed.anchor.map(CertificateSummary.init), verificationTime: time)
    }

    /// The result of the CMS and certificate steps on one SignedData.
    public struct SignedDataResult: Sendable {
        public var reasons: [VerificationReason]
        public var signer: X509Certificate?
        public var anchor: X509Certificate?
        public var scheme: SignatureScheme?
        public var status: PassiveStatus { PassiveStatus(reasons: reasons) }
    }

    /// The CMS signature, the signer's path to a trusted CSCA and its CRL status — for EF.SOD,
    /// EF.CardSecurity or any other SignedData.
    public static func verifySignedData(
        _ signedData: SignedData, trustStore: TrustStore,
        options: PassiveAuthenticationOptions = PassiveAuthenticationOptions()
    ) -> SignedDataResult {
        let cms = SignedDataCheck.run(
            signedData, extraCertificates: trustStore.documentSigners,
            requireSignedAttributes: options.requireSignedAttributes)
        var reasons = cms.reasons
        guard let signer = cms.signer else {
            return SignedDataResult(reasons: reasons, signer: nil, anchor: nil, scheme: cms.scheme)
        }
        let intermediates = cms.embedded.filter { $0 !== signer }
        let chain = ChainCheck.run(
            signer: signer, intermediates: intermediates, store: trustStore, at: options.verificationTime)
        reasons += chain.reasons
        if !chain.chain.isEmpty {
            reasons += RevocationCheck.run(
                chain: chain.chain, revocationLists: trustStore.revocationLists, at: options.verificationTime)
        }
        return SignedDataResult(reasons: reasons, signer: signer, anchor: chain.anchor, scheme: cms.scheme)
    }
}
