/// PACEInfo (ICAO 9303-11 §9.2.1): one PACE algorithm the chip supports.
public struct PACEInfo: Hashable, Sendable {
    /// The protocol OID, e.g. `0.4.0.127.0.7.2.2.4.2.2` (id-PACE-ECDH-GM-AES-CBC-CMAC-128).
    public let protocolOID: String
    /// MUST be 2.
    public let version: Int
    /// Standardized (0–31) or local domain-parameter ID.
    public let parameterID: Int?

    public init(protocolOID: String, version: Int, parameterID: Int?) {
        self.protocolOID = protocolOID
        self.version = version
        self.parameterID = parameterID
    }

    /// The algorithm named by the OID, nil when unknown.
    public var algorithm: PACEAlgorithm? { PACEAlgorithm(oid: protocolOID) }
}
