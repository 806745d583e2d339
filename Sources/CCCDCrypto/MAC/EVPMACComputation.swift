import COpenSSL

/// One `EVP_MAC` computation with a single string parameter (the cipher of CMAC, the digest of
/// HMAC): the step AES-CMAC and HMAC share.
enum EVPMACComputation {
    /// The MAC of `data` under `key`, `outputLength` bytes. `parameterName` / `parameterValue` are
    /// the algorithm's string parameter, e.g. `OSSL_MAC_PARAM_CIPHER` = "AES-128-CBC".
    static func compute(
        _ mac: FetchedAlgorithm, name: String, key: [UInt8], data: [UInt8],
        parameterName: String, parameterValue: String, outputLength: Int
    ) throws(CryptoError) -> [UInt8] {
        let algorithm = try mac.get()
        guard let ctx = EVP_MAC_CTX_new(algorithm) else { throw OpenSSL.failure("EVP_MAC_CTX_new") }
        defer { EVP_MAC_CTX_free(ctx) }
        var out = [UInt8](repeating: 0, count: outputLength)
        var written = 0
        // A non-null key pointer even for an empty key: EVP_MAC_init treats NULL as "keep the old key".
        let keyBytes = key.isEmpty ? [UInt8(0)] : key
        // OSSL_PARAM keeps pointers to the parameter's name and value, so both C strings must outlive
        // every use of `params`. (Passing an imported String macro such as OSSL_MAC_PARAM_CIPHER
        // straight to the construct call hands OpenSSL a temporary freed when that call returns: a use
        // after free that AddressSanitizer found.)
        let ok: Bool = parameterName.withCString { cName in parameterValue.withCString { cValue in
            var params = [
                OSSL_PARAM_construct_utf8_string(cName, UnsafeMutablePointer(mutating: cValue), 0),
                OSSL_PARAM_construct_end(),
            ]
            let initialized = keyBytes.withUnsafeBufferPointer { k in
                EVP_MAC_init(ctx, k.baseAddress, key.count, &params)
            }
            guard initialized == 1 else { return false }
            let updated = data.withUnsafeBufferPointer { d in EVP_MAC_update(ctx, d.baseAddress, d.count) }
            guard updated == 1 else { return false }
            return out.withUnsafeMutableBufferPointer { o in
                EVP_MAC_final(ctx, o.baseAddress, &written, o.count)
            } == 1
        } }
        guard ok, written == outputLength else { throw OpenSSL.failure("EVP_MAC (\(name))") }
        return out
    }
}
