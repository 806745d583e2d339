import Foundation

/// What a report says about a certificate (issuing-authority data only).
public struct CertificateSummary: Sendable, Codable, Hashable {
    /// Subject DN (RFC 2253).
    public var subject: String
    /// Issuer DN (RFC 2253).
    public var issuer: String
    /// Serial number, hex.
    public var serialNumber: String
    /// Start of validity.
    public var notBefore: Date?
    /// End of validity.
    public var notAfter: Date?
    /// SHA-256 fingerprint of the DER, hex.
    public var sha256: String

    /// The summary of `certificate`.
    public init(_ certificate: X509Certificate) {
        subject = certificate.subject
        issuer = certificate.issuer
        serialNumber = certificate.serialNumberHex
        notBefore = certificate.notBefore
        notAfter = certificate.notAfter
        sha256 = certificate.sha256Fingerprint
    }
}
