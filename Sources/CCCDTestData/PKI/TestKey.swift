import CCCDCrypto
import COpenSSL
import Foundation

/// A private key for the test PKI or a chip (OpenSSL `EVP_PKEY`), kept as PEM in the repository.
public final class TestKey: @unchecked Sendable {
    let pkey: OpaquePointer

    init(taking pkey: OpaquePointer) {
        self.pkey = pkey
    }

    deinit { EVP_PKEY_free(pkey) }

    /// The kinds of key the generator makes.
    public enum Spec: Sendable, Hashable {
        case rsa(bits: Int)
        /// An EC key on a named curve; `explicitParameters` writes the curve's parameters instead
        /// of its name wherever the public key is encoded (as the Vietnamese CSCA does).
        case ec(curve: String, explicitParameters: Bool)
    }

    /// A fresh key (OpenSSL's generator).
    public static func generate(_ spec: Spec) throws(TestDataError) -> TestKey {
        let name = { if case .rsa = spec { return "RSA" } else { return "EC" } }()
        guard let context = EVP_PKEY_CTX_new_from_name(nil, name, nil) else { throw OSSLGen.failure("EVP_PKEY_CTX_new_from_name") }
        defer { EVP_PKEY_CTX_free(context) }
        guard EVP_PKEY_keygen_init(context) == 1 else { throw OSSLGen.failure("EVP_PKEY_keygen_init") }
        switch spec {
        case .rsa(let bits):
            guard EVP_PKEY_CTX_set_rsa_keygen_bits(context, Int32(bits)) == 1 else {
                throw OSSLGen.failure("EVP_PKEY_CTX_set_rsa_keygen_bits")
            }
        case .ec(let curve, _):
            guard EVP_PKEY_CTX_set_group_name(context, curve) == 1 else { throw OSSLGen.failure("EVP_PKEY_CTX_set_group_name") }
        }
        var key: OpaquePointer?
        guard EVP_PKEY_generate(context, &key) == 1, let key else { throw OSSLGen.failure("EVP_PKEY_generate") }
        let result = TestKey(taking: key)
        if case .ec(_, true) = spec { try result.useExplicitParameters() }
        return result
    }

    /// Reads a PEM private key.
    public static func load(pem: String) throws(TestDataError) -> TestKey {
        guard let key = OSSLGen.fromPEM(pem, { PEM_read_bio_PrivateKey($0, nil, nil, nil) }) else {
            throw OSSLGen.failure("PEM_read_bio_PrivateKey")
        }
        return TestKey(taking: key)
    }

    /// Loads `url` when it exists, else generates a key of `spec` and writes it there: keys are
    /// made once and committed, so data sets stay the same run after run.
    public static func loadOrGenerate(_ spec: Spec, at url: URL) throws(TestDataError) -> TestKey {
        if let text = try? String(contentsOf: url, encoding: .utf8) {
            let key = try load(pem: text)
            if case .ec(_, true) = spec { try key.useExplicitParameters() }
            return key
        }
        let key = try generate(spec)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try key.privateKeyPEM().write(to: url, atomically: true, encoding: .utf8)
        } catch let error as TestDataError {
            throw error
        } catch {
            throw .io("cannot write \(url.path): \(error)")
        }
        return key
    }

    /// Switches EC point/parameter encoding to explicit parameters.
    func useExplicitParameters() throws(TestDataError) {
        guard EVP_PKEY_set_utf8_string_param(pkey, "encoding", "explicit") == 1 else {
            throw OSSLGen.failure("EVP_PKEY_set_utf8_string_param(encoding)")
        }
    }

    /// PKCS#8 PEM of the private key.
    public func privateKeyPEM() throws(TestDataError) -> String {
        try OSSLGen.pem { PEM_write_bio_PrivateKey($0, pkey, nil, nil, 0, nil, nil) }
    }

    /// DER SubjectPublicKeyInfo.
    public func subjectPublicKeyInfo() throws(TestDataError) -> [UInt8] {
        guard let der = OpenSSLDER.encode({ i2d_PUBKEY(pkey, $0) }) else { throw OSSLGen.failure("i2d_PUBKEY") }
        return der
    }

    /// EC: the private scalar, big-endian, padded to the order length.
    public func ecPrivateScalar() throws(TestDataError) -> [UInt8] {
        var bn: OpaquePointer?
        guard EVP_PKEY_get_bn_param(pkey, "priv", &bn) == 1, let bn else { throw OSSLGen.failure("EVP_PKEY_get_bn_param(priv)") }
        defer { BN_clear_free(bn) }
        let length = Int((EVP_PKEY_get_bits(pkey) + 7) / 8)
        var out = [UInt8](repeating: 0, count: length)
        guard out.withUnsafeMutableBufferPointer({ BN_bn2binpad(bn, $0.baseAddress, Int32(length)) }) == Int32(length) else {
            throw OSSLGen.failure("BN_bn2binpad")
        }
        return out
    }

    /// EC: the uncompressed public point.
    public func ecPublicPoint() throws(TestDataError) -> [UInt8] {
        var length = 0
        guard EVP_PKEY_get_octet_string_param(pkey, "pub", nil, 0, &length) == 1, length > 0 else {
            throw OSSLGen.failure("EVP_PKEY_get_octet_string_param(pub)")
        }
        var out = [UInt8](repeating: 0, count: length)
        guard out.withUnsafeMutableBufferPointer({ EVP_PKEY_get_octet_string_param(pkey, "pub", $0.baseAddress, length, &length) }) == 1
        else { throw OSSLGen.failure("EVP_PKEY_get_octet_string_param(pub)") }
        return Array(out.prefix(length))
    }

    public var isRSA: Bool { EVP_PKEY_is_a(pkey, "RSA") == 1 }
}
