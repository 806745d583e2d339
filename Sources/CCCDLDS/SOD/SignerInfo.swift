/// A CMS SignerInfo (RFC 5652 §5.3).
public struct SignerInfo: Sendable, Hashable, Codable {
    /// 1 with issuerAndSerialNumber, 3 with subjectKeyIdentifier.
    public var version: Int
    /// Which certificate signed.
    public var signerIdentifier: SignerIdentifier
    /// The digest algorithm for the content and the signed attributes.
    public var digestAlgorithm: AlgorithmIdentifier
    /// The signed attributes, when present (absent means the signature covers the content directly).
    public var signedAttributes: SignedAttributes?
    /// The signature algorithm; for RSASSA-PSS its parameters DER carries hash, MGF and salt length.
    public var signatureAlgorithm: AlgorithmIdentifier
    /// The signature value.
    public var signature: [UInt8]
    /// The DER of the unsigned attributes (`[1] IMPLICIT`), when present.
    public var unsignedAttributesDER: [UInt8]?

    public init(
        version: Int, signerIdentifier: SignerIdentifier, digestAlgorithm: AlgorithmIdentifier,
        signedAttributes: SignedAttributes?, signatureAlgorithm: AlgorithmIdentifier, signature: [UInt8],
        unsignedAttributesDER: [UInt8]?
    ) {
        self.version = version
        self.signerIdentifier = signerIdentifier
        self.digestAlgorithm = digestAlgorithm
        self.signedAttributes = signedAttributes
        self.signatureAlgorithm = signatureAlgorithm
        self.signature = signature
        self.unsignedAttributesDER = unsignedAttributesDER
    }
}
