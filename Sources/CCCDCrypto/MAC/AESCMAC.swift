import COpenSSL

/// AES-CMAC (NIST SP 800-38B, RFC 4493) through OpenSSL's `EVP_MAC` "CMAC".
public enum AESCMAC {
    private static let mac = FetchedAlgorithm(mac: "CMAC")

    /// The full 16-byte CMAC of `data` under an AES-128/192/256 key.
    public static func authenticate(key: [UInt8], data: [UInt8]) throws(CryptoError) -> [UInt8] {
        let cipherName: String
        switch key.count {
        case 16: cipherName = "AES-128-CBC"
        case 24: cipherName = "AES-192-CBC"
        case 32: cipherName = "AES-256-CBC"
        default: throw .invalidKeyLength(algorithm: "AES-CMAC", length: key.count)
        }
        let algorithm = try mac.get()
        guard let ctx = EVP_MAC_CTX_new(algorithm) else { throw OpenSSL.failure("EVP_MAC_CTX_new") }
        defer { EVP_MAC_CTX_free(ctx) }
        var out = [UInt8](repeating: 0, count: 16)
        var outLength = 0
        // OSSL_PARAM keeps pointers to the key and the value, so both C strings must outlive every
        // use of `params` (passing the imported String macro directly would hand OpenSSL a
        // temporary that is freed when the construct call returns: a use after free).
        let ok: Bool = OSSL_MAC_PARAM_CIPHER.withCString { parameterName in cipherName.withCString { name in
            var params = [
                OSSL_PARAM_construct_utf8_string(parameterName, UnsafeMutablePointer(mutating: name), 0),
                OSSL_PARAM_construct_end(),
            ]
            let initialized = key.withUnsafeBufferPointer { k in
                EVP_MAC_init(ctx, k.baseAddress, k.count, &params)
            }
            guard initialized == 1 else { return false }
            let updated = data.withUnsafeBufferPointer { d in EVP_MAC_update(ctx, d.baseAddress, d.count) }
            guard updated == 1 else { return false }
            return out.withUnsafeMutableBufferPointer { o in
                EVP_MAC_final(ctx, o.baseAddress, &outLength, o.count)
            } == 1
        } }
        guard ok, outLength == 16 else { throw OpenSSL.failure("EVP_MAC (CMAC)") }
        return out
    }
}
