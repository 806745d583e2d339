/// A public key from a SubjectPublicKeyInfo (DG15's Active Authentication key).
public struct PublicKeyInfo: Sendable, Hashable, Codable {
    /// The key algorithm (e.g. rsaEncryption, id-ecPublicKey) with its parameters.
    public var algorithm: AlgorithmIdentifier
    /// The key itself.
    public var key: PublicKey
    /// The DER of the whole SubjectPublicKeyInfo, ready for OpenSSL (`d2i_PUBKEY`).
    public var subjectPublicKeyInfoDER: [UInt8]

    public init(algorithm: AlgorithmIdentifier, key: PublicKey, subjectPublicKeyInfoDER: [UInt8]) {
        self.algorithm = algorithm
        self.key = key
        self.subjectPublicKeyInfoDER = subjectPublicKeyInfoDER
    }
}
