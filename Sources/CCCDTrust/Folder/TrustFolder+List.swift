import CCCDPrimitives
import CCCDVerification
import Foundation

extension TrustFolder {
    /// Every installed item, as `cccd trust list` shows it.
    package func entries(at time: Date = Date()) -> [TrustEntry] { entries(installed(), at: time) }

    /// The entries of already decoded items (the folder is read once).
    func entries(_ installed: [(file: URL, item: TrustItem)], at time: Date) -> [TrustEntry] {
        let crls: [X509RevocationList] = installed.compactMap {
            if case .revocationList(let list) = $0.item { return list }
            return nil
        }
        return installed.map { file, item in
            var entry = TrustEntry(kind: .crl, file: file.lastPathComponent, sha256: Self.fingerprint(item.der))
            switch item {
            case .certificate(let certificate):
                entry.kind = certificate.isCertificateAuthority
                    ? (certificate.isSelfSigned ? .root : .link) : .documentSigner
                entry.subject = certificate.subject
                entry.issuer = certificate.issuer
                entry.subjectKeyIdentifier = certificate.subjectKeyIdentifier.map(Hex.lowercase)
                entry.notBefore = certificate.notBefore
                entry.notAfter = certificate.notAfter
                entry.privateKeyUsagePeriod = certificate.privateKeyUsagePeriod
                entry.daysLeft = certificate.notAfter.map { Int(($0.timeIntervalSince(time) / 86_400).rounded(.down)) }
                entry.official = OfficialAnchor.matching(sha256: entry.sha256)?.label
                if certificate.isCertificateAuthority {
                    let own = crls.filter { $0.isIssued(byNameOf: certificate) && $0.isSigned(by: certificate) }
                    entry.crlPresent = !own.isEmpty
                    entry.crlNextUpdate = own.compactMap(\.nextUpdate).max()
                }
            case .revocationList(let list):
                entry.kind = .crl
                entry.issuer = list.issuer
                entry.thisUpdate = list.thisUpdate
                entry.nextUpdate = list.nextUpdate
            case .masterList(let list, _):
                entry.kind = .masterList
                entry.certificateCount = list.certificates.count
                entry.subject = SignedDataCheck.embeddedCertificates(list.signedData).first?.subject
                entry.detail = "CSCA master list; subject is its signer"
            }
            return entry
        }
    }
}
