import CCCDCrypto
import COpenSSL
import Foundation

/// An X.509 CRL decoded by OpenSSL (`d2i_X509_CRL`), immutable after decoding.
public final class X509RevocationList: @unchecked Sendable, CustomStringConvertible {
    let crl: OpaquePointer
    /// The DER the CRL was decoded from.
    public let der: [UInt8]

    public init(der: [UInt8]) throws(VerificationCryptoError) {
        guard let crl = OpenSSLDER.decode(der, { d2i_X509_CRL(nil, $0, $1) }) else {
            throw .decodingFailed(what: "CRL", reason: "not a DER CRL")
        }
        self.crl = crl
        self.der = der
    }

    /// Every CRL of a PEM text (`-----BEGIN X509 CRL-----` blocks).
    public static func revocationLists(pem: [UInt8]) -> [X509RevocationList] {
        var result: [X509RevocationList] = []
        OpenSSLBIO.reading(pem) { bio in
            while let crl = PEM_read_bio_X509_CRL(bio, nil, nil, nil) {
                if let der = OpenSSLDER.encode({ i2d_X509_CRL(crl, $0) }), let list = try? X509RevocationList(der: der) {
                    result.append(list)
                }
                X509_CRL_free(crl)
            }
            ERR_clear_error()
        }
        return result
    }

    deinit { X509_CRL_free(crl) }

    /// Issuer DN (RFC 2253).
    public var issuer: String { OSSL.nameString(X509_CRL_get_issuer(crl)) }
    public var thisUpdate: Date? { OSSL.date(X509_CRL_get0_lastUpdate(crl)) }
    public var nextUpdate: Date? { OSSL.date(X509_CRL_get0_nextUpdate(crl)) }

    /// Whether the CRL's issuer name is `certificate`'s subject.
    public func isIssued(byNameOf certificate: X509Certificate) -> Bool {
        X509_NAME_cmp(X509_CRL_get_issuer(crl), X509_get_subject_name(certificate.x509)) == 0
    }

    /// Whether `issuer`'s key verifies the CRL's signature.
    public func isSigned(by issuer: X509Certificate) -> Bool {
        guard let key = X509_get0_pubkey(issuer.x509) else { return false }
        let ok = X509_CRL_verify(crl, key) == 1
        ERR_clear_error()
        return ok
    }

    /// The revocation date of `certificate` when this CRL lists it.
    public func revocationDate(of certificate: X509Certificate) -> Date?? {
        var entry: OpaquePointer?
        guard X509_CRL_get0_by_cert(crl, &entry, certificate.x509) == 1, let entry else { return nil }
        return .some(OSSL.date(X509_REVOKED_get0_revocationDate(entry)))
    }

    public var description: String { "X509RevocationList(\(issuer))" }
}
