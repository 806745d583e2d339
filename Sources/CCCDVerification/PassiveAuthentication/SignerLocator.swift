import CCCDLDS

/// Finds the certificate named by a SignerInfo's `sid` (issuer + serial number, or subject key
/// identifier) among candidate certificates.
enum SignerLocator {
    static func locate(_ identifier: SignerIdentifier, in candidates: [X509Certificate]) -> X509Certificate? {
        candidates.first { matches($0, identifier) }
    }

    static func matches(_ certificate: X509Certificate, _ identifier: SignerIdentifier) -> Bool {
        switch identifier {
        case .issuerAndSerialNumber(let issuerDER, let serial):
            guard Array(serial.drop { $0 == 0 }) == certificate.serialNumber else { return false }
            return NameComparison.equal(issuerDER, certificate.issuerDER)
        case .subjectKeyIdentifier(let ski):
            return certificate.subjectKeyIdentifier == ski
        }
    }
}
