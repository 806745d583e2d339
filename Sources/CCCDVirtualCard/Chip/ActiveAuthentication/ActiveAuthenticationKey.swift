import CCCDCrypto
import COpenSSL

/// The chip's Active Authentication private key (RSA or EC), held as an OpenSSL key.
///
/// RSA keys answer INTERNAL AUTHENTICATE with ISO/IEC 9796-2 scheme 1 (SHA-1, trailer `BC`, the
/// raw private operation done by OpenSSL); EC keys with an ECDSA-SHA-256 signature. Never printed.
final class ActiveAuthenticationKey: @unchecked Sendable, CustomStringConvertible {
    /// Owned, immutable after init; OpenSSL keys are safe to use from several threads for signing.
    private let pkey: OpaquePointer

    private init(pkey: OpaquePointer) { self.pkey = pkey }

    deinit { EVP_PKEY_free(pkey) }

    /// Loads a PEM private key (PKCS#8 or traditional).
    convenience init(pem: String) throws(ChipError) {
        let bytes = Array(pem.utf8)
        let key = OpenSSLBIO.reading(bytes) { PEM_read_bio_PrivateKey($0, nil, nil, nil) } ?? nil
        ERR_clear_error()
        guard let key else { throw .configuration("the active authentication key is not a PEM private key") }
        self.init(pkey: key)
    }

    var isRSA: Bool { EVP_PKEY_get_base_id(pkey) == EVP_PKEY_RSA }

    /// Size of the modulus (RSA) or of the largest DER signature (EC), in bytes.
    var size: Int { Int(EVP_PKEY_get_size(pkey)) }

    /// A fresh key of the same kind (RSA with the same modulus length, EC on the same curve): the
    /// key of a cloned chip, which does not match DG15.
    func freshKeyOfSameKind() throws(ChipError) -> ActiveAuthenticationKey {
        let name = isRSA ? "RSA" : "EC"
        guard let context = EVP_PKEY_CTX_new_from_name(nil, name, nil) else { throw Self.failure("EVP_PKEY_CTX_new_from_name") }
        defer { EVP_PKEY_CTX_free(context) }
        guard EVP_PKEY_keygen_init(context) == 1 else { throw Self.failure("EVP_PKEY_keygen_init") }
        if isRSA {
            guard EVP_PKEY_CTX_set_rsa_keygen_bits(context, EVP_PKEY_get_bits(pkey)) == 1 else {
                throw Self.failure("EVP_PKEY_CTX_set_rsa_keygen_bits")
            }
        } else {
            var groupName = [CChar](repeating: 0, count: 80)
            var length = 0
            guard EVP_PKEY_get_group_name(pkey, &groupName, groupName.count, &length) == 1 else {
                throw Self.failure("EVP_PKEY_get_group_name (explicit curves are not supported for clones)")
            }
            guard EVP_PKEY_CTX_set_group_name(context, groupName) == 1 else { throw Self.failure("EVP_PKEY_CTX_set_group_name") }
        }
        var generated: OpaquePointer?
        guard EVP_PKEY_generate(context, &generated) == 1, let generated else { throw Self.failure("EVP_PKEY_generate") }
        return ActiveAuthenticationKey(pkey: generated)
    }

    /// The answer to INTERNAL AUTHENTICATE for `challenge`.
    /// - Parameter random: the source of M1 (RSA) — the recoverable part is random, as on real chips.
    func sign(challenge: [UInt8], random: any ChipRandomSource) throws(ChipError) -> [UInt8] {
        if isRSA {
            let representative = try ISO9796Representative.make(
                m1: chipCrypto { () throws(CryptoError) in try random.randomBytes(size - 22) }, challenge: challenge)
            return try rsaPrivateOperation(representative)
        }
        return try ecdsaSHA256(challenge)
    }

    /// `representative^d mod n` through OpenSSL (no padding).
    private func rsaPrivateOperation(_ input: [UInt8]) throws(ChipError) -> [UInt8] {
        guard let context = EVP_PKEY_CTX_new_from_pkey(nil, pkey, nil) else { throw Self.failure("EVP_PKEY_CTX_new_from_pkey") }
        defer { EVP_PKEY_CTX_free(context) }
        guard EVP_PKEY_sign_init(context) == 1, EVP_PKEY_CTX_set_rsa_padding(context, RSA_NO_PADDING) == 1 else {
            throw Self.failure("EVP_PKEY_sign_init")
        }
        var length = size
        var out = [UInt8](repeating: 0, count: length)
        let ok = input.withUnsafeBufferPointer { i in
            out.withUnsafeMutableBufferPointer { EVP_PKEY_sign(context, $0.baseAddress, &length, i.baseAddress, i.count) }
        }
        guard ok == 1 else { throw Self.failure("EVP_PKEY_sign") }
        return Array(out.prefix(length))
    }

    /// ECDSA with SHA-256 over the challenge, DER-encoded.
    private func ecdsaSHA256(_ message: [UInt8]) throws(ChipError) -> [UInt8] {
        do {
            return try DigestSigning.sign(message, key: pkey, hash: "SHA256")
        } catch {
            guard case .openSSL(let function, _) = error else { throw Self.failure("EVP_DigestSign") }
            throw Self.failure(function)
        }
    }

    /// A signing failure; OpenSSL's error queue is cleared (its text carries no key material, but
    /// is not needed either).
    private static func failure(_ function: String) -> ChipError {
        ERR_clear_error()
        return .signingFailed(function)
    }

    var description: String { "ActiveAuthenticationKey(\(isRSA ? "RSA" : "EC"), redacted)" }
}
