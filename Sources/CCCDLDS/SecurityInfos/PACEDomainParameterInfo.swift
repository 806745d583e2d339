/// PACEDomainParameterInfo (ICAO 9303-11 §9.2.2): explicit domain parameters for PACE.
public struct PACEDomainParameterInfo: Hashable, Sendable {
    /// id-PACE-DH-GM, id-PACE-ECDH-GM, id-PACE-DH-IM, id-PACE-ECDH-IM or id-PACE-ECDH-CAM.
    public let protocolOID: String
    /// The AlgorithmIdentifier holding the parameters.
    public let domainParameter: AlgorithmIdentifier
    public let parameterID: Int?

    public init(protocolOID: String, domainParameter: AlgorithmIdentifier, parameterID: Int?) {
        self.protocolOID = protocolOID
        self.domainParameter = domainParameter
        self.parameterID = parameterID
    }
}
