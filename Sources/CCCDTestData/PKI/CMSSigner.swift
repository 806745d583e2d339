import CCCDCrypto
import COpenSSL

/// Signs content as CMS SignedData with OpenSSL's CMS API (EF.SOD, master lists).
public enum CMSSigner {
    /// Options for the tamper variants.
    public struct Options: Sendable {
        /// Identify the signer by subject key identifier instead of issuer and serial number.
        public var signerBySubjectKeyIdentifier = false
        /// Leave out the signed attributes (invalid for EF.SOD: a tamper case).
        public var withoutSignedAttributes = false
        /// Leave the signer certificate out of the SignedData.
        public var withoutCertificate = false
        public init() {}
    }

    /// `ContentInfo { SignedData }` DER over `content` with eContentType `contentType`.
    public static func sign(
        content: [UInt8], contentType: String, signer: TestCertificate, key: TestKey, scheme: SigningScheme,
        options: Options = Options()
    ) throws(TestDataError) -> [UInt8] {
        var flags = UInt32(CMS_BINARY | CMS_PARTIAL | CMS_NOSMIMECAP)
        if options.withoutSignedAttributes { flags |= UInt32(CMS_NOATTR) }
        if options.withoutCertificate { flags |= UInt32(CMS_NOCERTS) }
        guard let cms = CMS_sign(nil, nil, nil, nil, flags) else { throw OSSLGen.failure("CMS_sign") }
        defer { CMS_ContentInfo_free(cms) }
        guard let type = OBJ_txt2obj(contentType, 1) else { throw OSSLGen.failure("OBJ_txt2obj") }
        defer { ASN1_OBJECT_free(type) }
        guard CMS_set1_eContentType(cms, type) == 1 else { throw OSSLGen.failure("CMS_set1_eContentType") }
        guard let md = EVP_MD_fetch(nil, scheme.hash, nil) else { throw OSSLGen.failure("EVP_MD_fetch") }
        defer { EVP_MD_free(md) }
        var signerFlags = flags | UInt32(CMS_KEY_PARAM)
        if options.signerBySubjectKeyIdentifier { signerFlags |= UInt32(CMS_USE_KEYID) }
        guard let signerInfo = CMS_add1_signer(cms, signer.x509, key.pkey, md, signerFlags) else {
            throw OSSLGen.failure("CMS_add1_signer")
        }
        try scheme.configure(CMS_SignerInfo_get0_pkey_ctx(signerInfo))
        // The BIO reads `content` only while the buffer is pinned (inside `reading`).
        guard let finalised = OpenSSLBIO.reading(content, { CMS_final(cms, $0, nil, UInt32(CMS_BINARY)) == 1 }) else {
            throw OSSLGen.failure("BIO_new_mem_buf")
        }
        guard finalised else { throw OSSLGen.failure("CMS_final") }
        guard let der = OpenSSLDER.encode({ i2d_CMS_ContentInfo(cms, $0) }) else { throw OSSLGen.failure("i2d_CMS_ContentInfo") }
        return der
    }
}
