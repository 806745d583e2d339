/// The SignerIdentifier choice.
public enum SignerIdentifier: Sendable, Hashable, Codable {
    /// The issuer's Name (its DER) and the certificate serial number (INTEGER content octets).
    case issuerAndSerialNumber(issuerDER: [UInt8], serialNumber: [UInt8])
    /// The subjectKeyIdentifier of the signer's certificate.
    case subjectKeyIdentifier([UInt8])
}
