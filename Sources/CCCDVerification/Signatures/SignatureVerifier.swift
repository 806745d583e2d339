import CCCDCrypto
import COpenSSL

/// Verifies one signature with `EVP_DigestVerify` (padding and PSS parameters set on the
/// verification context). Plain ECDSA signatures are re-encoded as DER with OpenSSL's `ECDSA_SIG`.
public enum SignatureVerifier {
    /// Whether `signature` is a valid `scheme` signature of `message` under `key`. Throws only when
    /// the verification could not be attempted (unsupported combination, OpenSSL failure).
    public static func verify(
        message: [UInt8], signature: [UInt8], scheme: SignatureScheme, key: PublicKeyHandle
    ) throws(VerificationCryptoError) -> Bool {
        switch (scheme, key.kind) {
        case (.rsaPKCS1, .rsa), (.rsaPSS, .rsa), (.ecdsa, .ec), (.ecdsaPlain, .ec): break
        default: throw .unsupportedAlgorithm("\(scheme) with a \(key.kind) key")
        }
        var encodedSignature = signature
        if case .ecdsaPlain = scheme {
            guard let der = ECDSASignatureEncoding.der(fromPlain: signature) else { return false }
            encodedSignature = der
        }
        let md = try OSSL.fetchDigest(scheme.hash.rawValue)
        defer { EVP_MD_free(md) }
        guard let context = EVP_MD_CTX_new() else { throw OSSL.failure("EVP_MD_CTX_new") }
        defer { EVP_MD_CTX_free(context) }
        var pkeyContext: OpaquePointer?
        guard EVP_DigestVerifyInit_ex(context, &pkeyContext, EVP_MD_get0_name(md), nil, nil, key.pkey, nil) == 1 else {
            throw OSSL.failure("EVP_DigestVerifyInit_ex")
        }
        switch scheme {
        case .rsaPKCS1:
            guard EVP_PKEY_CTX_set_rsa_padding(pkeyContext, RSA_PKCS1_PADDING) == 1 else {
                throw OSSL.failure("EVP_PKEY_CTX_set_rsa_padding")
            }
        case .rsaPSS(_, let mgf1Hash, let saltLength):
            let mgf = try OSSL.fetchDigest(mgf1Hash.rawValue)
            defer { EVP_MD_free(mgf) }
            guard EVP_PKEY_CTX_set_rsa_padding(pkeyContext, RSA_PKCS1_PSS_PADDING) == 1,
                EVP_PKEY_CTX_set_rsa_mgf1_md(pkeyContext, mgf) == 1,
                EVP_PKEY_CTX_set_rsa_pss_saltlen(pkeyContext, Int32(saltLength)) == 1
            else { throw OSSL.failure("EVP_PKEY_CTX_set_rsa_pss") }
        case .ecdsa, .ecdsaPlain: break
        }
        let result = message.withUnsafeBufferPointer { m in
            encodedSignature.withUnsafeBufferPointer { s in
                EVP_DigestVerify(context, s.baseAddress, s.count, m.baseAddress, m.count)
            }
        }
        ERR_clear_error()
        return result == 1
    }
}

/// Conversions between plain `r ‖ s` (TR-03111) and DER `Ecdsa-Sig-Value`, through `ECDSA_SIG`.
public enum ECDSASignatureEncoding {
    /// DER from plain `r ‖ s` (two halves of equal length); nil when malformed.
    public static func der(fromPlain plain: [UInt8]) -> [UInt8]? {
        guard !plain.isEmpty, plain.count % 2 == 0, plain.count <= 264 else { return nil }
        let half = plain.count / 2
        guard let signature = ECDSA_SIG_new() else { return nil }
        defer { ECDSA_SIG_free(signature) }
        let r = plain[..<half].withUnsafeBufferPointer { BN_bin2bn($0.baseAddress, Int32(half), nil) }
        let s = plain[half...].withUnsafeBufferPointer { BN_bin2bn($0.baseAddress, Int32(half), nil) }
        guard let r, let s else {
            BN_free(r)
            BN_free(s)
            return nil
        }
        guard ECDSA_SIG_set0(signature, r, s) == 1 else {
            BN_free(r)
            BN_free(s)
            return nil
        }
        return OpenSSLDER.encode { i2d_ECDSA_SIG(signature, $0) }
    }

    /// Plain `r ‖ s`, each padded to `componentLength`, from DER; nil when malformed.
    public static func plain(fromDER der: [UInt8], componentLength: Int) -> [UInt8]? {
        guard let signature = OpenSSLDER.decode(der, { d2i_ECDSA_SIG(nil, $0, $1) }) else { return nil }
        defer { ECDSA_SIG_free(signature) }
        guard let r = ECDSA_SIG_get0_r(signature), let s = ECDSA_SIG_get0_s(signature) else { return nil }
        var out = [UInt8](repeating: 0, count: componentLength * 2)
        let ok = out.withUnsafeMutableBufferPointer { buffer -> Bool in
            BN_bn2binpad(r, buffer.baseAddress, Int32(componentLength)) == Int32(componentLength)
                && BN_bn2binpad(s, buffer.baseAddress! + componentLength, Int32(componentLength))
                    == Int32(componentLength)
        }
        return ok ? out : nil
    }
}
