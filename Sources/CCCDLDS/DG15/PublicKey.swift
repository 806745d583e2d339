/// The public key material of a ``PublicKeyInfo``.
public enum PublicKey: Sendable, Hashable, Codable {
    /// An RSA key (RFC 8017 RSAPublicKey).
    case rsa(RSAPublicKey)
    /// An elliptic-curve key (RFC 5480).
    case ec(ECPublicKey)
    /// Another algorithm (e.g. DSA): the raw subjectPublicKey bits.
    case other(subjectPublicKey: [UInt8])
}
