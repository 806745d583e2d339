/// ActiveAuthenticationInfo (ICAO 9303-11 §9.2.4): present when AA uses ECDSA.
public struct ActiveAuthenticationInfo: Hashable, Sendable {
    public let protocolOID: String
    /// MUST be 1.
    public let version: Int
    /// The TR-03111 signature algorithm OID, e.g. ecdsa-plain-SHA256 `0.4.0.127.0.7.1.1.4.1.3`.
    public let signatureAlgorithmOID: String

    public init(protocolOID: String, version: Int, signatureAlgorithmOID: String) {
        self.protocolOID = protocolOID
        self.version = version
        self.signatureAlgorithmOID = signatureAlgorithmOID
    }
}
