import COpenSSL

/// HMAC (RFC 2104) through OpenSSL's `EVP_MAC` "HMAC", with any of the supported hash functions.
public enum HMAC {
    private static let mac = FetchedAlgorithm(mac: "HMAC")

    /// The full-length HMAC of `data` under `key` (any key length, including empty).
    public static func authenticate(
        key: [UInt8], data: [UInt8], digest: HashAlgorithm = .sha256
    ) throws(CryptoError) -> [UInt8] {
        let algorithm = try mac.get()
        guard let ctx = EVP_MAC_CTX_new(algorithm) else { throw OpenSSL.failure("EVP_MAC_CTX_new") }
        defer { EVP_MAC_CTX_free(ctx) }
        var out = [UInt8](repeating: 0, count: digest.digestLength)
        var outLength = 0
        // A non-null key pointer even for an empty key: EVP_MAC_init treats NULL as "keep the old key".
        let keyBytes = key.isEmpty ? [UInt8(0)] : key
        let ok: Bool = digest.rawValue.withCString { name in
            var params = [
                OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, UnsafeMutablePointer(mutating: name), 0),
                OSSL_PARAM_construct_end(),
            ]
            let initialized = keyBytes.withUnsafeBufferPointer { k in
                EVP_MAC_init(ctx, k.baseAddress, key.count, &params)
            }
            guard initialized == 1 else { return false }
            let updated = data.withUnsafeBufferPointer { d in EVP_MAC_update(ctx, d.baseAddress, d.count) }
            guard updated == 1 else { return false }
            return out.withUnsafeMutableBufferPointer { o in
                EVP_MAC_final(ctx, o.baseAddress, &outLength, o.count)
            } == 1
        }
        guard ok, outLength == digest.digestLength else { throw OpenSSL.failure("EVP_MAC (HMAC)") }
        return out
    }
}
