import CCCDLDS

/// Finds the certificate named by a SignerInfo's `sid` (issuer + serial number, or subject key
/// identifier) among candidate certificates.
///
/// Finding the signer is not a security decision — its signature and path are checked after —
/// so the lookup is tolerant of how real documents write the issuer: exact (canonical) name
/// first, then the same attributes in another RDN order.
enum SignerLocator {
    static func locate(_ identifier: SignerIdentifier, in candidates: [X509Certificate]) -> X509Certificate? {
        switch identifier {
        case .issuerAndSerialNumber(let issuerDER, let serial):
            let serial = Array(serial.drop { $0 == 0 })
            let sameSerial = candidates.filter { $0.serialNumber == serial }
            return sameSerial.first { NameComparison.equal(issuerDER, $0.issuerDER) }
                ?? sameSerial.first { NameComparison.sameAttributes(issuerDER, $0.issuerDER) }
        case .subjectKeyIdentifier(let ski):
            return candidates.first { $0.subjectKeyIdentifier == ski }
        }
    }
}
