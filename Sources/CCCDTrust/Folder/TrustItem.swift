import CCCDVerification
import Foundation

/// One piece of trust material, decoded: what `cccd trust add` installs and the folder holds.
enum TrustItem {
    case certificate(X509Certificate)
    case revocationList(X509RevocationList)
    case masterList(MasterList, der: [UInt8])

    /// The DER written to the folder.
    var der: [UInt8] {
        switch self {
        case .certificate(let certificate): certificate.der
        case .revocationList(let list): list.der
        case .masterList(_, let der): der
        }
    }

    /// Every item of a file (a PEM file may hold several certificates and CRLs), or why none.
    static func decode(_ bytes: [UInt8], name: String) -> Result<[TrustItem], TrustItemError> {
        switch TrustStoreLoader.classify(bytes, name: name) {
        case .pem:
            let items = X509Certificate.certificates(pem: bytes).map(TrustItem.certificate)
                + X509RevocationList.revocationLists(pem: bytes).map(TrustItem.revocationList)
            return items.isEmpty ? .failure(.unusable("no certificate or CRL in the PEM text")) : .success(items)
        case .certificate(let certificate):
            return .success([.certificate(certificate)])
        case .revocationList(let list):
            return .success([.revocationList(list)])
        case .masterList:
            do {
                return .success([.masterList(try MasterList(der: bytes), der: bytes)])
            } catch {
                return .failure(.unusable("\(error)"))
            }
        case .unknown(let why):
            return .failure(.unusable(why))
        }
    }

    /// The file name the folder stores the item under: kind and fingerprint prefix, so the same
    /// item is never installed twice. CRLs are named after their issuer's key so that a newer
    /// CRL replaces the older one of the same CSCA.
    func fileName(crlIssuer: X509Certificate?) -> String {
        switch self {
        case .certificate(let certificate):
            (certificate.isCertificateAuthority ? "csca-" : "dsc-") + TrustFolder.fingerprint(certificate.der).prefix(16) + ".der"
        case .revocationList:
            "crl-" + (crlIssuer.map { TrustFolder.fingerprint($0.der).prefix(16) } ?? TrustFolder.fingerprint(der).prefix(16)) + ".crl"
        case .masterList:
            "ml-" + TrustFolder.fingerprint(der).prefix(16) + ".ml"
        }
    }
}

/// Why a file could not be used as trust material.
enum TrustItemError: Error {
    case unusable(String)
}
