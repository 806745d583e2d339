import CCCDCrypto

/// A mapped (or standard) generator of the PACE group: an EC point or a DH group element.
public enum PACEGenerator: Hashable, Sendable {
    case ec(ECPoint)
    case dh([UInt8])
}

extension DomainParameters {
    /// How many random bytes `privateKey(fromRandom:)` wants.
    public var privateKeyRandomLength: Int {
        switch self {
        case .ec(let group): return group.orderSize + 8
        case .dh(let group): return group.privateKeyRandomLength
        }
    }

    /// A private key in the valid range from random bytes.
    public func privateKey(fromRandom bytes: [UInt8]) throws(CryptoError) -> [UInt8] {
        switch self {
        case .ec(let group): return try group.privateKey(fromRandom: bytes)
        case .dh(let group): return try group.privateKey(fromRandom: bytes)
        }
    }

    /// The public key `sk × G` (EC, uncompressed point) or `g^sk mod p` (DH, minimal bytes), with
    /// the domain's own generator or a mapped one.
    public func publicKey(privateKey: [UInt8], generator: PACEGenerator? = nil) throws(CryptoError) -> [UInt8] {
        switch (self, generator) {
        case (.ec(let group), nil): return try group.publicKey(privateKey: privateKey).uncompressed
        case (.ec(let group), .ec(let g)?): return try group.multiply(g, by: privateKey).uncompressed
        case (.dh(let group), nil): return try group.publicKey(privateKey: privateKey)
        case (.dh(let group), .dh(let g)?): return try group.publicKey(privateKey: privateKey, generator: g)
        default: throw .invalidParameters("generator does not match the domain")
        }
    }

    /// The key-agreement shared secret K: x-coordinate (EC) or g^xy padded to |p| (DH). The peer's
    /// public key is validated (on the curve / in range and in the subgroup).
    public func sharedSecret(privateKey: [UInt8], peerPublicKey: [UInt8]) throws(CryptoError) -> [UInt8] {
        switch self {
        case .ec(let group): return try group.sharedSecret(privateKey: privateKey, peer: group.decodePoint(peerPublicKey))
        case .dh(let group): return try group.sharedSecret(privateKey: privateKey, peer: peerPublicKey)
        }
    }

    /// Canonical form of a received public key (uncompressed point / minimal integer), validated.
    public func canonicalPublicKey(_ bytes: [UInt8]) throws(CryptoError) -> [UInt8] {
        switch self {
        case .ec(let group): return try group.decodePoint(bytes).uncompressed
        case .dh(let group):
            try group.validatePublicKey(bytes)
            return Bytes.minimal(bytes)
        }
    }

    /// Byte length of the prime p (EC field or DH modulus).
    public var primeBitCount: Int {
        switch self {
        case .ec(let group): return (try? BigNumber(bytes: group.curveParameters().p).bitCount) ?? group.fieldSize * 8
        case .dh(let group): return (try? BigNumber(bytes: group.p).bitCount) ?? group.p.count * 8
        }
    }
}
