import CCCDLDS

// What the protocols make of the SecurityInfos that CCCDLDS parses: ciphers, PACE algorithms and
// domain parameters as groups (which need CCCDCrypto, so they stay out of the parsing module).

extension ChipAuthenticationInfo {
    /// The secure-messaging cipher the protocol establishes, nil when the OID is unknown.
    public var cipher: SecureMessagingCipher? {
        guard let last = protocolOID.split(separator: ".").last else { return nil }
        switch last {
        case "1": return .tripleDES
        case "2": return .aes128
        case "3": return .aes192
        case "4": return .aes256
        default: return nil
        }
    }
}

extension ChipAuthenticationPublicKeyInfo {
    /// The key's domain parameters.
    public func domainParameters() throws(SecurityInfoError) -> DomainParameters {
        try DomainParameters(algorithmIdentifier: algorithm)
    }
}

extension PACEDomainParameterInfo {
    /// The group these parameters describe.
    public func domainParameters() throws(SecurityInfoError) -> DomainParameters {
        try DomainParameters(algorithmIdentifier: domainParameter)
    }
}

extension PACEInfo {
    /// The algorithm named by the OID, nil when unknown.
    public var algorithm: PACEAlgorithm? { PACEAlgorithm(oid: protocolOID) }

    /// True when the parameter ID names standardized domain parameters (Table 12).
    public var usesStandardizedParameters: Bool {
        guard let parameterID else { return false }
        return StandardizedDomainParameters.isStandardized(parameterID)
    }
}
