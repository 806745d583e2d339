import CCCDLDS
import CCCDVerification
import Foundation

/// The fields `cccd inspect` shows for certificates, CRLs and master lists (parsed by CCCDVerification).
enum CertificateFields {
    static func certificate(_ certificate: X509Certificate) -> InspectValue {
        .fields([
            ("subject", .string(certificate.subject)), ("issuer", .string(certificate.issuer)),
            ("serialNumber", .string(certificate.serialNumberHex)),
            ("notBefore", date(certificate.notBefore)), ("notAfter", date(certificate.notAfter)),
            ("subjectKeyIdentifier", certificate.subjectKeyIdentifier.map(InspectValue.hex)),
            ("authorityKeyIdentifier", certificate.authorityKeyIdentifier.map(InspectValue.hex)),
            ("isCertificateAuthority", .bool(certificate.isCertificateAuthority)),
            ("isSelfIssued", .bool(certificate.isSelfIssued)),
            ("sha256", .string(certificate.sha256Fingerprint)),
        ])
    }

    /// A certificate embedded in another structure (EF.SOD, a master list); unparsable ones say so.
    static func certificate(der: [UInt8]) -> InspectValue {
        do {
            return certificate(try X509Certificate(der: der))
        } catch {
            return .fields([("error", .string(error.description)), ("bytes", .int(der.count))])
        }
    }

    static func revocationList(_ list: X509RevocationList) -> InspectValue {
        .fields([
            ("issuer", .string(list.issuer)), ("thisUpdate", date(list.thisUpdate)),
            ("nextUpdate", date(list.nextUpdate)),
        ])
    }

    static func masterList(_ list: MasterList) -> InspectValue {
        .fields([
            ("certificateCount", .int(list.certificates.count)),
            ("certificates", .list(list.certificates.map(certificate(der:)))),
            ("signedData", LDSFields.signedData(list.signedData)),
        ])
    }

    static func date(_ date: Date?) -> InspectValue? {
        date.map { .string(ISO8601DateFormatter().string(from: $0)) }
    }
}
