import COpenSSL

/// How the test PKI signs: hash, and for RSA keys PKCS#1 v1.5 or PSS.
public struct SigningScheme: Sendable, Hashable {
    public var hash: String
    public var pss: Bool
    public var pssSaltLength: Int

    public init(hash: String, pss: Bool = false, pssSaltLength: Int = 32) {
        self.hash = hash
        self.pss = pss
        self.pssSaltLength = pssSaltLength
    }

    /// Sets PSS padding on a signing context (when `pss`).
    func configure(_ context: OpaquePointer?) throws(TestDataError) {
        guard pss else { return }
        guard let mgf = EVP_MD_fetch(nil, hash, nil) else { throw OSSLGen.failure("EVP_MD_fetch") }
        defer { EVP_MD_free(mgf) }
        guard EVP_PKEY_CTX_set_rsa_padding(context, RSA_PKCS1_PSS_PADDING) == 1,
            EVP_PKEY_CTX_set_rsa_pss_saltlen(context, Int32(pssSaltLength)) == 1,
            EVP_PKEY_CTX_set_rsa_mgf1_md(context, mgf) == 1
        else { throw OSSLGen.failure("EVP_PKEY_CTX_set_rsa_pss") }
    }
}
