/// A CMS SignedData (RFC 5652 §5.1), as found in EF.SOD and EF.CardSecurity.
///
/// Only parsed, not verified: verification needs the exact bytes kept here
/// (``encapsulatedContent``, ``SignerInfo/signedAttributes``, ``certificates``).
public struct SignedData: Sendable, Hashable, Codable {
    /// CMS version (3 in eMRTDs).
    public var version: Int
    /// The digest algorithms declared for the signers.
    public var digestAlgorithms: [AlgorithmIdentifier]
    /// eContentType: `2.23.136.1.1.1` (LDSSecurityObject) in EF.SOD, `0.4.0.127.0.7.3.2.1` in
    /// EF.CardSecurity.
    public var encapsulatedContentType: String
    /// The exact eContent octets (for EF.SOD: the DER of the LDSSecurityObject), over which the
    /// messageDigest attribute is computed; `nil` for detached content.
    public var encapsulatedContent: [UInt8]?
    /// The DER of each certificate in `certificates`, in order (usually the document signer).
    public var certificates: [[UInt8]]
    /// The DER of each entry in `crls`, when present.
    public var crls: [[UInt8]]
    /// The signers.
    public var signerInfos: [SignerInfo]

    public init(
        version: Int, digestAlgorithms: [AlgorithmIdentifier], encapsulatedContentType: String,
        encapsulatedContent: [UInt8]?, certificates: [[UInt8]], crls: [[UInt8]], signerInfos: [SignerInfo]
    ) {
        self.version = version
        self.digestAlgorithms = digestAlgorithms
        self.encapsulatedContentType = encapsulatedContentType
        self.encapsulatedContent = encapsulatedContent
        self.certificates = certificates
        self.crls = crls
        self.signerInfos = signerInfos
    }
}
