import COpenSSL

/// Runs one EVP cipher operation without padding (padding is always explicit in ICAO 9303).
enum EVPBlockCipher {
    static func run(
        _ algorithm: FetchedAlgorithm, key: [UInt8], iv: [UInt8]?, data: [UInt8], blockSize: Int, encrypt: Bool
    ) throws(CryptoError) -> [UInt8] {
        guard data.count % blockSize == 0 else { throw .inputNotBlockAligned(blockSize: blockSize, length: data.count) }
        let cipher = try algorithm.get()
        guard Int(EVP_CIPHER_get_key_length(cipher)) == key.count else {
            throw .invalidKeyLength(algorithm: algorithm.name, length: key.count)
        }
        let ivLength = Int(EVP_CIPHER_get_iv_length(cipher))
        if let iv, iv.count != ivLength { throw .invalidIVLength(expected: ivLength, actual: iv.count) }
        if data.isEmpty { return [] }
        guard let ctx = EVP_CIPHER_CTX_new() else { throw OpenSSL.failure("EVP_CIPHER_CTX_new") }
        defer { EVP_CIPHER_CTX_free(ctx) }
        let initialized: Int32 = key.withUnsafeBufferPointer { k in
            if let iv {
                return iv.withUnsafeBufferPointer { v in
                    EVP_CipherInit_ex2(ctx, cipher, k.baseAddress, v.baseAddress, encrypt ? 1 : 0, nil)
                }
            }
            return EVP_CipherInit_ex2(ctx, cipher, k.baseAddress, nil, encrypt ? 1 : 0, nil)
        }
        guard initialized == 1 else { throw OpenSSL.failure("EVP_CipherInit_ex2") }
        guard EVP_CIPHER_CTX_set_padding(ctx, 0) == 1 else { throw OpenSSL.failure("EVP_CIPHER_CTX_set_padding") }
        var out = [UInt8](repeating: 0, count: data.count + blockSize)
        var written: Int32 = 0
        var final: Int32 = 0
        let ok: Bool = out.withUnsafeMutableBufferPointer { o in
            data.withUnsafeBufferPointer { d in
                guard EVP_CipherUpdate(ctx, o.baseAddress, &written, d.baseAddress, Int32(d.count)) == 1 else {
                    return false
                }
                return EVP_CipherFinal_ex(ctx, o.baseAddress! + Int(written), &final) == 1
            }
        }
        guard ok else { throw OpenSSL.failure("EVP_CipherUpdate/Final") }
        out.removeLast(out.count - Int(written + final))
        return out
    }
}
