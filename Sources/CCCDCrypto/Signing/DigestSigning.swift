import COpenSSL

/// `EVP_DigestSign`: the one signing call of the package (ES256 session keys, the virtual chip's Active
/// Authentication, test PKI).
public enum DigestSigning {
    /// Signs `message` with `key` (an `EVP_PKEY`, borrowed) hashing with `hash` (e.g. "SHA256"): the
    /// signature as OpenSSL writes it (DER for ECDSA). Errors name the OpenSSL function that failed.
    public static func sign(_ message: [UInt8], key: OpaquePointer, hash: String) throws(CryptoError) -> [UInt8] {
        guard let context = EVP_MD_CTX_new() else { throw OpenSSL.failure("EVP_MD_CTX_new") }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestSignInit_ex(context, nil, hash, nil, nil, key, nil) == 1 else {
            throw OpenSSL.failure("EVP_DigestSignInit_ex")
        }
        var length = 0
        guard message.withUnsafeBufferPointer({ EVP_DigestSign(context, nil, &length, $0.baseAddress, $0.count) }) == 1 else {
            throw OpenSSL.failure("EVP_DigestSign")
        }
        var out = [UInt8](repeating: 0, count: length)
        let ok = message.withUnsafeBufferPointer { m in
            out.withUnsafeMutableBufferPointer { EVP_DigestSign(context, $0.baseAddress, &length, m.baseAddress, m.count) }
        }
        guard ok == 1 else { throw OpenSSL.failure("EVP_DigestSign") }
        return Array(out.prefix(length))
    }
}
