import CCCDCrypto
import COpenSSL
import Foundation

/// An X.509 certificate of the test PKI (OpenSSL `X509`).
public final class TestCertificate: @unchecked Sendable {
    let x509: OpaquePointer

    init(taking x509: OpaquePointer) {
        self.x509 = x509
    }

    deinit { X509_free(x509) }

    public init(der: [UInt8]) throws(TestDataError) {
        guard let x509 = OpenSSLDER.decode(der, { d2i_X509(nil, $0, $1) }) else { throw OSSLGen.failure("d2i_X509") }
        self.x509 = x509
    }

    public init(pem: String) throws(TestDataError) {
        guard let x509 = OSSLGen.fromPEM(pem, { PEM_read_bio_X509($0, nil, nil, nil) }) else {
            throw OSSLGen.failure("PEM_read_bio_X509")
        }
        self.x509 = x509
    }

    public var der: [UInt8] { OpenSSLDER.encode({ i2d_X509(x509, $0) }) ?? [] }

    public func pem() throws(TestDataError) -> String { try OSSLGen.pem { PEM_write_bio_X509($0, x509) } }

    /// What to put in a certificate.
    public struct Spec: Sendable {
        /// Name attributes in order, e.g. `[("C", "VN"), ("O", "…"), ("CN", "…")]`.
        public var subject: [(String, String)]
        public var serial: UInt64
        public var notBefore: String
        public var notAfter: String
        public var isCA: Bool
        /// A CRL distribution point URI (for tests of CRL refresh).
        public var crlDistributionPoint: String?

        public init(
            subject: [(String, String)], serial: UInt64, notBefore: String, notAfter: String, isCA: Bool,
            crlDistributionPoint: String? = nil
        ) {
            self.subject = subject
            self.serial = serial
            self.notBefore = notBefore
            self.notAfter = notAfter
            self.isCA = isCA
            self.crlDistributionPoint = crlDistributionPoint
        }
    }

    /// Issues a certificate for `subjectKey`: self-signed when `issuer` is nil (a CSCA), else
    /// signed by `issuerKey` under `issuer`. CSCAs get basicConstraints CA, keyCertSign and cRLSign;
    /// document signers digitalSignature. Both carry key identifiers.
    public static func issue(
        _ spec: Spec, subjectKey: TestKey, issuer: TestCertificate?, issuerKey: TestKey, scheme: SigningScheme
    ) throws(TestDataError) -> TestCertificate {
        guard let x509 = X509_new() else { throw OSSLGen.failure("X509_new") }
        let certificate = TestCertificate(taking: x509)
        guard X509_set_version(x509, 2) == 1 else { throw OSSLGen.failure("X509_set_version") }
        guard let serial = ASN1_INTEGER_new() else { throw OSSLGen.failure("ASN1_INTEGER_new") }
        defer { ASN1_INTEGER_free(serial) }
        guard ASN1_INTEGER_set_uint64(serial, spec.serial) == 1, X509_set_serialNumber(x509, serial) == 1 else {
            throw OSSLGen.failure("X509_set_serialNumber")
        }
        guard let name = X509_NAME_new() else { throw OSSLGen.failure("X509_NAME_new") }
        defer { X509_NAME_free(name) }
        for (field, value) in spec.subject {
            let bytes = Array(value.utf8)
            let ok = bytes.withUnsafeBufferPointer {
                X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8, $0.baseAddress, Int32($0.count), -1, 0)
            }
            guard ok == 1 else { throw OSSLGen.failure("X509_NAME_add_entry_by_txt") }
        }
        guard X509_set_subject_name(x509, name) == 1 else { throw OSSLGen.failure("X509_set_subject_name") }
        let issuerName = issuer.map { X509_get_subject_name($0.x509) } ?? name
        guard X509_set_issuer_name(x509, issuerName) == 1 else { throw OSSLGen.failure("X509_set_issuer_name") }
        let notBefore = try OSSLGen.time(spec.notBefore)
        defer { ASN1_TIME_free(notBefore) }
        let notAfter = try OSSLGen.time(spec.notAfter)
        defer { ASN1_TIME_free(notAfter) }
        guard X509_set1_notBefore(x509, notBefore) == 1, X509_set1_notAfter(x509, notAfter) == 1 else {
            throw OSSLGen.failure("X509_set1_notBefore/After")
        }
        guard X509_set_pubkey(x509, subjectKey.pkey) == 1 else { throw OSSLGen.failure("X509_set_pubkey") }

        var context = X509V3_CTX()
        X509V3_set_ctx(&context, issuer?.x509 ?? x509, x509, nil, nil, 0)
        var extensions: [(Int32, String)] = [(NID_subject_key_identifier, "hash")]
        extensions.append((NID_authority_key_identifier, "keyid:always"))
        if spec.isCA {
            extensions.append((NID_basic_constraints, "critical,CA:TRUE,pathlen:0"))
            extensions.append((NID_key_usage, "critical,keyCertSign,cRLSign"))
        } else {
            extensions.append((NID_key_usage, "critical,digitalSignature"))
        }
        if let uri = spec.crlDistributionPoint { extensions.append((NID_crl_distribution_points, "URI:" + uri)) }
        for (nid, value) in extensions {
            guard let ext = X509V3_EXT_conf_nid(nil, &context, nid, value) else {
                throw OSSLGen.failure("X509V3_EXT_conf_nid(\(nid))")
            }
            defer { X509_EXTENSION_free(ext) }
            guard X509_add_ext(x509, ext, -1) == 1 else { throw OSSLGen.failure("X509_add_ext") }
        }
        try sign(scheme, key: issuerKey) { X509_sign_ctx(x509, $0) }
        return certificate
    }

    /// Signs with a digest-sign context (PSS parameters set when asked).
    static func sign(_ scheme: SigningScheme, key: TestKey, _ body: (OpaquePointer) -> Int32) throws(TestDataError) {
        guard let context = EVP_MD_CTX_new() else { throw OSSLGen.failure("EVP_MD_CTX_new") }
        defer { EVP_MD_CTX_free(context) }
        var pkeyContext: OpaquePointer?
        guard EVP_DigestSignInit_ex(context, &pkeyContext, scheme.hash, nil, nil, key.pkey, nil) == 1 else {
            throw OSSLGen.failure("EVP_DigestSignInit_ex")
        }
        try scheme.configure(pkeyContext)
        guard body(context) > 0 else { throw OSSLGen.failure("sign") }
    }
}

/// A CRL of the test PKI.
public enum TestCRL {
    /// A CRL of `issuer` listing `revoked` (revocation date `revokedOn`).
    public static func issue(
        issuer: TestCertificate, issuerKey: TestKey, revoked: [TestCertificate], thisUpdate: String, nextUpdate: String,
        revokedOn: String, scheme: SigningScheme
    ) throws(TestDataError) -> [UInt8] {
        guard let crl = X509_CRL_new() else { throw OSSLGen.failure("X509_CRL_new") }
        defer { X509_CRL_free(crl) }
        guard X509_CRL_set_version(crl, 1) == 1,
            X509_CRL_set_issuer_name(crl, X509_get_subject_name(issuer.x509)) == 1
        else { throw OSSLGen.failure("X509_CRL_set_issuer_name") }
        let last = try OSSLGen.time(thisUpdate)
        defer { ASN1_TIME_free(last) }
        let next = try OSSLGen.time(nextUpdate)
        defer { ASN1_TIME_free(next) }
        guard X509_CRL_set1_lastUpdate(crl, last) == 1, X509_CRL_set1_nextUpdate(crl, next) == 1 else {
            throw OSSLGen.failure("X509_CRL_set1_lastUpdate")
        }
        for certificate in revoked {
            guard let entry = X509_REVOKED_new() else { throw OSSLGen.failure("X509_REVOKED_new") }
            let serial = ASN1_INTEGER_dup(X509_get0_serialNumber(certificate.x509))
            let date = try OSSLGen.time(revokedOn)
            defer {
                ASN1_INTEGER_free(serial)
                ASN1_TIME_free(date)
            }
            guard X509_REVOKED_set_serialNumber(entry, serial) == 1, X509_REVOKED_set_revocationDate(entry, date) == 1,
                X509_CRL_add0_revoked(crl, entry) == 1
            else {
                X509_REVOKED_free(entry)
                throw OSSLGen.failure("X509_CRL_add0_revoked")
            }
        }
        guard X509_CRL_sort(crl) == 1 else { throw OSSLGen.failure("X509_CRL_sort") }
        try TestCertificate.sign(scheme, key: issuerKey) { X509_CRL_sign_ctx(crl, $0) }
        guard let der = OpenSSLDER.encode({ i2d_X509_CRL(crl, $0) }) else { throw OSSLGen.failure("i2d_X509_CRL") }
        return der
    }
}
