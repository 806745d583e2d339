import COpenSSL

/// The raw RSA public operation `s^e mod n` (`EVP_PKEY_verify_recover` without padding), the first
/// step of ISO/IEC 9796-2 verification.
package enum RSARecovery {
    package static func recover(signature: [UInt8], key: PublicKeyHandle) throws(VerificationCryptoError) -> [UInt8]? {
        guard key.kind == .rsa else { throw .unsupportedAlgorithm("RSA recovery with a non-RSA key") }
        // Some chips drop leading zero bytes of the signature; never accept a longer one.
        guard !signature.isEmpty, signature.count <= key.maximumSignatureSize else { return nil }
        let signature = [UInt8](repeating: 0, count: key.maximumSignatureSize - signature.count) + signature
        guard let context = EVP_PKEY_CTX_new_from_pkey(nil, key.pkey, nil) else {
            throw OSSL.failure("EVP_PKEY_CTX_new_from_pkey")
        }
        defer { EVP_PKEY_CTX_free(context) }
        guard EVP_PKEY_verify_recover_init(context) == 1,
            EVP_PKEY_CTX_set_rsa_padding(context, RSA_NO_PADDING) == 1
        else { throw OSSL.failure("EVP_PKEY_verify_recover_init") }
        var out = [UInt8](repeating: 0, count: key.maximumSignatureSize)
        var length = out.count
        let ok = signature.withUnsafeBufferPointer { s in
            out.withUnsafeMutableBufferPointer { o in
                EVP_PKEY_verify_recover(context, o.baseAddress, &length, s.baseAddress, s.count)
            }
        }
        ERR_clear_error()
        // Fails for s ≥ n: not a signature.
        guard ok == 1 else { return nil }
        return Array(out.prefix(length))
    }
}
