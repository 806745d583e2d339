/// ChipAuthenticationPublicKeyInfo (ICAO 9303-11 §9.2.6): a static chip key for Chip
/// Authentication or PACE-CAM.
public struct ChipAuthenticationPublicKeyInfo: Hashable, Sendable {
    /// id-PK-DH or id-PK-ECDH.
    public let protocolOID: String
    /// The SubjectPublicKeyInfo algorithm (with domain parameters).
    public let algorithm: AlgorithmIdentifier
    /// The subjectPublicKey BIT STRING content: an EC point, or a DER INTEGER for DH.
    public let subjectPublicKey: [UInt8]
    public let keyID: Int?

    public init(protocolOID: String, algorithm: AlgorithmIdentifier, subjectPublicKey: [UInt8], keyID: Int?) {
        self.protocolOID = protocolOID
        self.algorithm = algorithm
        self.subjectPublicKey = subjectPublicKey
        self.keyID = keyID
    }

    /// The public key value as used on the wire: the encoded EC point, or the DH public value y
    /// (minimal unsigned big-endian).
    public func publicKeyValue() throws(SecurityInfoError) -> [UInt8] {
        // id-PK-ECDH: the BIT STRING is the point itself; id-PK-DH: it holds a DER INTEGER.
        let isDH = protocolOID == SecurityInfoOID.idPKDH
            || algorithm.oid == SecurityInfoOID.dhPublicNumber || algorithm.oid == SecurityInfoOID.dhKeyAgreement
        return isDH ? try ASN1Reading.unsignedInteger(der: subjectPublicKey) : subjectPublicKey
    }
}
