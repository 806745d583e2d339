/// Object identifiers the parsers refer to.
public enum ObjectIdentifiers {
    /// SHA-1.
    public static let sha1 = "1.3.14.3.2.26"
    /// SHA-224.
    public static let sha224 = "2.16.840.1.101.3.4.2.4"
    /// SHA-256.
    public static let sha256 = "2.16.840.1.101.3.4.2.1"
    /// SHA-384.
    public static let sha384 = "2.16.840.1.101.3.4.2.2"
    /// SHA-512.
    public static let sha512 = "2.16.840.1.101.3.4.2.3"
    /// rsaEncryption (RSA public keys, PKCS #1 v1.5 signatures).
    public static let rsaEncryption = "1.2.840.113549.1.1.1"
    /// RSASSA-PSS signatures.
    public static let rsassaPSS = "1.2.840.113549.1.1.10"
    /// id-ecPublicKey.
    public static let ecPublicKey = "1.2.840.10045.2.1"
    /// prime-field (X9.62 explicit curve parameters).
    public static let primeField = "1.2.840.10045.1.1"
    /// CMS id-signedData.
    public static let signedData = "1.2.840.113549.1.7.2"
    /// CMS id-contentType attribute.
    public static let contentTypeAttribute = "1.2.840.113549.1.9.3"
    /// CMS id-messageDigest attribute.
    public static let messageDigestAttribute = "1.2.840.113549.1.9.4"
    /// CMS id-signingTime attribute.
    public static let signingTimeAttribute = "1.2.840.113549.1.9.5"
    /// id-icao-mrtd-security-ldsSecurityObject (eContentType of EF.SOD).
    public static let ldsSecurityObject = "2.23.136.1.1.1"
    /// id-data (RFC 5652): the eContentType some early documents' EF.SOD carry instead of
    /// ldsSecurityObject (a Chinese passport with an LDS v0 security object).
    public static let data = "1.2.840.113549.1.7.1"
    /// id-SecurityObject (BSI TR-03110, eContentType of EF.CardSecurity).
    public static let securityObject = "0.4.0.127.0.7.3.2.1"
    /// ISO/IEC 10646-1 UTF-8 (the DG13 encoding marker).
    public static let iso10646UTF8 = "1.0.10646.1.0.8"

    /// Short names for logging and reports.
    static let names: [String: String] = [
        sha1: "sha1", sha224: "sha224", sha256: "sha256", sha384: "sha384", sha512: "sha512",
        rsaEncryption: "rsaEncryption", rsassaPSS: "rsassa-pss", ecPublicKey: "id-ecPublicKey",
        "1.2.840.113549.1.1.5": "sha1WithRSAEncryption",
        "1.2.840.113549.1.1.11": "sha256WithRSAEncryption",
        "1.2.840.113549.1.1.12": "sha384WithRSAEncryption",
        "1.2.840.113549.1.1.13": "sha512WithRSAEncryption",
        "1.2.840.113549.1.1.14": "sha224WithRSAEncryption",
        "1.2.840.10045.4.1": "ecdsa-with-SHA1",
        "1.2.840.10045.4.3.1": "ecdsa-with-SHA224",
        "1.2.840.10045.4.3.2": "ecdsa-with-SHA256",
        "1.2.840.10045.4.3.3": "ecdsa-with-SHA384",
        "1.2.840.10045.4.3.4": "ecdsa-with-SHA512",
        "1.2.840.10040.4.1": "dsa",
        signedData: "signedData", ldsSecurityObject: "ldsSecurityObject", securityObject: "securityObject",
    ]
}
