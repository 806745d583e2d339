import CCCDCrypto
import CCCDPrimitives
import COpenSSL
import Foundation

/// An X.509 certificate decoded by OpenSSL (`d2i_X509`), immutable after decoding.
///
/// OpenSSL allows concurrent read-only use of an `X509` (verification takes its own references),
/// hence `@unchecked Sendable`.
public final class X509Certificate: @unchecked Sendable, Hashable, CustomStringConvertible {
    let x509: OpaquePointer
    /// The DER the certificate was decoded from.
    public let der: [UInt8]

    /// Decodes a DER certificate; the whole input must be one certificate.
    public init(der: [UInt8]) throws(VerificationCryptoError) {
        guard let x509 = OpenSSLDER.decode(der, { d2i_X509(nil, $0, $1) }) else {
            throw .decodingFailed(what: "X.509 certificate", reason: "not a DER certificate")
        }
        self.x509 = x509
        self.der = der
    }

    /// Decodes every certificate of a PEM text (`-----BEGIN CERTIFICATE-----` blocks).
    public static func certificates(pem: [UInt8]) -> [X509Certificate] {
        var result: [X509Certificate] = []
        OpenSSLBIO.reading(pem) { bio in
            while let x509 = PEM_read_bio_X509(bio, nil, nil, nil) {
                if let der = OpenSSLDER.encode({ i2d_X509(x509, $0) }), let certificate = try? X509Certificate(der: der) {
                    result.append(certificate)
                }
                X509_free(x509)
            }
            ERR_clear_error()
        }
        return result
    }

    deinit { X509_free(x509) }

    public static func == (lhs: X509Certificate, rhs: X509Certificate) -> Bool { lhs.der == rhs.der }
    public func hash(into hasher: inout Hasher) { hasher.combine(der) }

    /// Subject DN (RFC 2253 form) — a certificate name, never personal data.
    public var subject: String { OSSL.nameString(X509_get_subject_name(x509)) }
    /// Issuer DN (RFC 2253 form).
    public var issuer: String { OSSL.nameString(X509_get_issuer_name(x509)) }
    /// The subject's countryName (`C`), when present.
    public var subjectCountry: String? { OSSL.nameEntry(X509_get_subject_name(x509), nid: NID_countryName) }
    /// The issuer's countryName (`C`), when present.
    public var issuerCountry: String? { OSSL.nameEntry(X509_get_issuer_name(x509), nid: NID_countryName) }

    /// DER of the subject Name.
    public var subjectDER: [UInt8] { OpenSSLDER.encode({ i2d_X509_NAME(X509_get_subject_name(x509), $0) }) ?? [] }
    /// DER of the issuer Name.
    public var issuerDER: [UInt8] { OpenSSLDER.encode({ i2d_X509_NAME(X509_get_issuer_name(x509), $0) }) ?? [] }

    /// The serial number as a minimal unsigned big-endian magnitude.
    public var serialNumber: [UInt8] {
        guard let bytes = OSSL.bytes(ofString: X509_get0_serialNumber(x509)) else { return [] }
        return Array(bytes.drop { $0 == 0 })
    }

    /// The serial number in hexadecimal, for reports.
    public var serialNumberHex: String { Hex.encode(serialNumber) }

    public var notBefore: Date? { OSSL.date(X509_get0_notBefore(x509)) }
    public var notAfter: Date? { OSSL.date(X509_get0_notAfter(x509)) }

    /// The subjectKeyIdentifier extension value.
    public var subjectKeyIdentifier: [UInt8]? {
        OSSL.bytes(ofString: X509_get0_subject_key_id(x509))
    }

    /// The authorityKeyIdentifier's keyIdentifier.
    public var authorityKeyIdentifier: [UInt8]? {
        OSSL.bytes(ofString: X509_get0_authority_key_id(x509))
    }

    /// The private-key usage period extension (RFC 5280 §4.2.1.4, required in CSCA and document
    /// signer certificates by ICAO 9303-12): when the key may sign. Nil when absent.
    public var privateKeyUsagePeriod: PrivateKeyUsagePeriod? {
        guard let raw = X509_get_ext_d2i(x509, NID_private_key_usage_period, nil, nil) else {
            ERR_clear_error()
            return nil
        }
        let period = raw.assumingMemoryBound(to: PKEY_USAGE_PERIOD.self)
        defer { PKEY_USAGE_PERIOD_free(period) }
        return PrivateKeyUsagePeriod(
            notBefore: OSSL.date(period.pointee.notBefore), notAfter: OSSL.date(period.pointee.notAfter))
    }

    /// Whether the certificate's own key verifies its signature (a root, as opposed to a link
    /// certificate issued under the same name by another key).
    public var isSelfSigned: Bool { isSelfIssued && isSigned(by: self) }

    /// Key-usage bits (OpenSSL `KU_*`), nil when the extension is absent.
    public var keyUsage: UInt32? {
        let usage = X509_get_key_usage(x509)
        return usage == UInt32.max ? nil : usage
    }

    /// Whether the certificate may sign certificates (basicConstraints CA and, when present,
    /// keyCertSign), per OpenSSL's `X509_check_ca`.
    public var isCertificateAuthority: Bool { X509_check_ca(x509) >= 1 }

    /// Whether issuer and subject names are the same.
    public var isSelfIssued: Bool {
        X509_NAME_cmp(X509_get_subject_name(x509), X509_get_issuer_name(x509)) == 0
    }

    /// The SHA-256 fingerprint in hex.
    public var sha256Fingerprint: String {
        (try? Digest.hash(der, algorithm: .sha256)).map(Hex.encode) ?? ""
    }

    /// The subject public key (OpenSSL decodes explicit-parameter EC keys too).
    public func publicKey() throws(VerificationCryptoError) -> PublicKeyHandle {
        guard let key = X509_get_pubkey(x509) else {
            throw .decodingFailed(what: "certificate public key", reason: OSSL.lastError())
        }
        return PublicKeyHandle(taking: key)
    }

    /// Whether `issuer`'s key verifies this certificate's signature.
    public func isSigned(by issuer: X509Certificate) -> Bool {
        guard let key = X509_get0_pubkey(issuer.x509) else { return false }
        let ok = X509_verify(x509, key) == 1
        ERR_clear_error()
        return ok
    }

    /// Whether this certificate was issued under `issuerCandidate`'s name (and key identifier when both carry one).
    public func nameMatchesIssuer(_ issuerCandidate: X509Certificate) -> Bool {
        guard X509_NAME_cmp(X509_get_issuer_name(x509), X509_get_subject_name(issuerCandidate.x509)) == 0 else {
            return false
        }
        if let aki = authorityKeyIdentifier, let ski = issuerCandidate.subjectKeyIdentifier { return aki == ski }
        return true
    }

    public var description: String { "X509Certificate(\(subject), serial \(serialNumberHex))" }
}

/// When a certificate's private key may be used (both ends optional).
public struct PrivateKeyUsagePeriod: Sendable, Hashable, Codable {
    public var notBefore: Date?
    public var notAfter: Date?

    public init(notBefore: Date?, notAfter: Date?) {
        self.notBefore = notBefore
        self.notAfter = notAfter
    }
}
