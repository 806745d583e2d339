import CCCDCrypto
import COpenSSL

/// An OpenSSL `EVP_PKEY` holding a public key; immutable after creation (`@unchecked Sendable`:
/// OpenSSL allows concurrent use of a key for verification, each call using its own context).
public final class PublicKeyHandle: @unchecked Sendable {
    let pkey: OpaquePointer

    init(taking pkey: OpaquePointer) {
        self.pkey = pkey
    }

    /// Decodes a DER SubjectPublicKeyInfo (RSA, EC with named or explicit parameters, …).
    public init(subjectPublicKeyInfo der: [UInt8]) throws(VerificationCryptoError) {
        guard let key = OpenSSLDER.decode(der, { d2i_PUBKEY(nil, $0, $1) }) else {
            throw .decodingFailed(what: "SubjectPublicKeyInfo", reason: "OpenSSL could not decode the key")
        }
        pkey = key
    }

    deinit { EVP_PKEY_free(pkey) }

    /// The key type.
    public var kind: Kind {
        if EVP_PKEY_is_a(pkey, "RSA") == 1 { return .rsa }
        if EVP_PKEY_is_a(pkey, "RSA-PSS") == 1 { return .rsa }
        if EVP_PKEY_is_a(pkey, "EC") == 1 { return .ec }
        return .other
    }

    /// Key size in bits (RSA modulus, EC group order).
    public var bits: Int { Int(EVP_PKEY_get_bits(pkey)) }

    /// Maximum signature size in bytes.
    public var maximumSignatureSize: Int { Int(EVP_PKEY_get_size(pkey)) }

    /// The DER SubjectPublicKeyInfo.
    public var subjectPublicKeyInfoDER: [UInt8] { OpenSSLDER.encode({ i2d_PUBKEY(pkey, $0) }) ?? [] }

    public enum Kind: Sendable, Equatable {
        case rsa, ec, other
    }
}
