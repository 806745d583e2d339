import Foundation

/// What a report says about a certificate (issuing-authority data only).
public struct CertificateSummary: Sendable, Codable, Hashable {
    public var subject: String
    public var issuer: String
    public var serialNumber: String
    public var notBefore: Date?
    public var notAfter: Date?
    public var sha256: String

    public init(_ certificate: X509Certificate) {
        subject = certificate.subject
        issuer = certificate.issuer
        serialNumber = certificate.serialNumberHex
        notBefore = certificate.notBefore
        notAfter = certificate.notAfter
        sha256 = certificate.sha256Fingerprint
    }
}
