/// EF.SOD: the CMS SignedData and the LDSSecurityObject it signs.
public struct DocumentSecurityObject: Sendable, Hashable, Codable {
    /// The CMS structure (certificates, signer infos, exact signed bytes).
    public var signedData: SignedData
    /// The parsed encapsulated content.
    public var ldsSecurityObject: LDSSecurityObject

    /// The exact DER of the LDSSecurityObject (the eContent octets), for the messageDigest check.
    public var ldsSecurityObjectDER: [UInt8] { signedData.encapsulatedContent ?? [] }

    /// The hash algorithm of the data-group hashes.
    public var hashAlgorithm: AlgorithmIdentifier { ldsSecurityObject.hashAlgorithm }

    /// Data-group number → hash value.
    public var dataGroupHashes: [Int: [UInt8]] { ldsSecurityObject.hashesByNumber }

    public init(signedData: SignedData, ldsSecurityObject: LDSSecurityObject) {
        self.signedData = signedData
        self.ldsSecurityObject = ldsSecurityObject
    }
}
