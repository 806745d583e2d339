import COpenSSL

/// A P-256 private key for ES256 (ECDSA with SHA-256), held as an OpenSSL key. Signatures are the
/// JOSE form: raw `r ‖ s`, 32 bytes each (RFC 7518 §3.4), converted from OpenSSL's DER. Never printed.
public final class P256SigningKey: @unchecked Sendable, CustomStringConvertible {
    /// Owned, immutable after init; OpenSSL keys may sign from several threads.
    private let pkey: OpaquePointer

    private init(pkey: OpaquePointer) { self.pkey = pkey }

    deinit { EVP_PKEY_free(pkey) }

    /// A fresh key (OpenSSL keygen on prime256v1).
    public static func generate() throws(CryptoError) -> P256SigningKey {
        guard let context = EVP_PKEY_CTX_new_from_name(nil, "EC", nil) else {
            throw OpenSSL.failure("EVP_PKEY_CTX_new_from_name")
        }
        defer { EVP_PKEY_CTX_free(context) }
        guard EVP_PKEY_keygen_init(context) == 1 else { throw OpenSSL.failure("EVP_PKEY_keygen_init") }
        guard EVP_PKEY_CTX_set_group_name(context, "prime256v1") == 1 else {
            throw OpenSSL.failure("EVP_PKEY_CTX_set_group_name")
        }
        var generated: OpaquePointer?
        guard EVP_PKEY_generate(context, &generated) == 1, let generated else { throw OpenSSL.failure("EVP_PKEY_generate") }
        return P256SigningKey(pkey: generated)
    }

    /// Loads a PEM private key (PKCS#8 or SEC 1); anything but a P-256 EC key is refused.
    public convenience init(pem: [UInt8]) throws(CryptoError) {
        let key = OpenSSLBIO.reading(pem) { PEM_read_bio_PrivateKey($0, nil, nil, nil) } ?? nil
        ERR_clear_error()
        guard let key else { throw .invalidParameters("not a PEM private key") }
        var name = [CChar](repeating: 0, count: 80)
        var length = 0
        guard EVP_PKEY_get_base_id(key) == EVP_PKEY_EC, EVP_PKEY_get_group_name(key, &name, name.count, &length) == 1,
            String(decoding: name.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self) == "prime256v1"
        else {
            EVP_PKEY_free(key)
            ERR_clear_error()
            throw .invalidParameters("not a P-256 EC private key")
        }
        self.init(pkey: key)
    }

    /// The key as PKCS#8 PEM (unencrypted: the file's mode protects it).
    public func pem() throws(CryptoError) -> [UInt8] {
        guard let text = OpenSSLBIO.writing({ PEM_write_bio_PrivateKey($0, pkey, nil, nil, 0, nil, nil) == 1 }),
            !text.isEmpty
        else { throw OpenSSL.failure("PEM_write_bio_PrivateKey") }
        return Array(text.utf8)
    }

    /// The public key (affine x and y, 32 bytes each).
    public func publicKey() throws(CryptoError) -> P256PublicKey {
        var point = [UInt8](repeating: 0, count: 65)
        var length = 0
        guard
            point.withUnsafeMutableBufferPointer({ EVP_PKEY_get_octet_string_param(pkey, "pub", $0.baseAddress, 65, &length) })
                == 1,
            length == 65, point[0] == 0x04
        else { throw OpenSSL.failure("EVP_PKEY_get_octet_string_param(pub)") }
        return try P256PublicKey(x: Array(point[1..<33]), y: Array(point[33..<65]))
    }

    /// ES256 over `message`: `r ‖ s` (64 bytes).
    public func sign(_ message: [UInt8]) throws(CryptoError) -> [UInt8] {
        let der = try DigestSigning.sign(message, key: pkey, hash: "SHA256")
        guard let raw = ECDSASignatureForm.raw(fromDER: der) else {
            throw .openSSL(function: "d2i_ECDSA_SIG", reason: "OpenSSL produced an undecodable signature")
        }
        return raw
    }

    public var description: String { "P256SigningKey(redacted)" }
}
