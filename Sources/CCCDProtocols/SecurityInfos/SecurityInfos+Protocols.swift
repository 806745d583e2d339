import CCCDLDS

// What the protocols make of the SecurityInfos that CCCDLDS parses: domain parameters as groups
// (which need CCCDCrypto, so they stay out of the parsing module).

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
    /// True when the parameter ID names standardized domain parameters (Table 12).
    public var usesStandardizedParameters: Bool {
        guard let parameterID else { return false }
        return StandardizedDomainParameters.isStandardized(parameterID)
    }
}
