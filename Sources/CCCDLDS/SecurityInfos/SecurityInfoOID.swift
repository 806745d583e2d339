/// Object identifiers of ICAO 9303-11 §9.2 / BSI TR-03110, as dotted strings.
public enum SecurityInfoOID {
    /// bsi-de: 0.4.0.127.0.7
    public static let bsiDE = "0.4.0.127.0.7"
    public static let idPACE = bsiDE + ".2.2.4"
    public static let idCA = bsiDE + ".2.2.3"
    public static let idPK = bsiDE + ".2.2.1"
    public static let idPKDH = idPK + ".1"
    public static let idPKECDH = idPK + ".2"
    public static let idTA = bsiDE + ".2.2.2"
    /// standardizedDomainParameters (§9.5.1).
    public static let standardizedDomainParameters = bsiDE + ".1.2"
    /// id-icao-mrtd-security-aaProtocolObject.
    public static let activeAuthentication = "2.23.136.1.1.5"
    /// id-EFDIR.
    public static let efDIR = "2.23.136.1.1.13"
    public static let ecPublicKey = "1.2.840.10045.2.1"
    public static let primeField = "1.2.840.10045.1.1"
    public static let dhPublicNumber = "1.2.840.10046.2.1"
    public static let dhKeyAgreement = "1.2.840.113549.1.3.1"
}
