import CCCDCrypto

/// The group a PACE run (or the chip's CA key) lives in: an elliptic curve or a DH group, with the
/// operations the chip needs. Independent of the reader's domain code; OpenSSL does the math.
enum ChipDomain: Sendable {
    case ec(ECGroup)
    case dh(DHGroup)

    /// ICAO 9303-11 Table 12: standardized domain parameters.
    static func standardized(_ id: Int) throws(ChipError) -> ChipDomain {
        let curve: StandardCurve
        switch id {
        case 0: return .dh(.rfc5114_1024_160)
        case 1: return .dh(.rfc5114_2048_224)
        case 2: return .dh(.rfc5114_2048_256)
        case 8: curve = .p192
        case 9: curve = .brainpoolP192r1
        case 10: curve = .p224
        case 11: curve = .brainpoolP224r1
        case 12: curve = .p256
        case 13: curve = .brainpoolP256r1
        case 14: curve = .brainpoolP320r1
        case 15: curve = .p384
        case 16: curve = .brainpoolP384r1
        case 17: curve = .brainpoolP512r1
        case 18: curve = .p521
        default: throw .configuration("parameter ID \(id) is not a standardized domain")
        }
        do { return .ec(try ECGroup(curve: curve)) } catch { throw .crypto(error) }
    }

    var isEC: Bool {
        if case .ec = self { return true }
        return false
    }

    /// The standard generator.
    var generator: ChipGenerator {
        get throws(CryptoError) {
            switch self {
            case .ec(let group): return .ec(try group.generator())
            case .dh(let group): return .dh(group.g)
            }
        }
    }

    /// Order of the (sub)group private keys live in: n, or q for DH.
    func order() throws(CryptoError) -> [UInt8] {
        switch self {
        case .ec(let group): return try group.order()
        case .dh(let group):
            guard let q = group.q else { throw .invalidParameters("DH group without q") }
            return q
        }
    }

    /// A uniform private key in [1, order-1] by rejection sampling over values of n's bit length
    /// (a queued test value that is already in range comes back unchanged).
    func randomPrivateKey(_ random: any ChipRandomSource) throws(CryptoError) -> [UInt8] {
        let orderBytes = try order()
        let n = try BigNumber(bytes: orderBytes)
        let excessBits = orderBytes.count * 8 - n.bitCount
        for _ in 0..<64 {
            var candidate = try random.randomBytes(orderBytes.count)
            candidate[0] &= UInt8(0xFF >> excessBits)
            let k = try BigNumber(bytes: candidate)
            if !k.isZero && k.compare(n) < 0 { return candidate }
        }
        throw .randomGenerationFailed
    }

    /// `sk × Ĝ` (uncompressed point) or `ĝ^sk mod p` (padded to |p|).
    func publicKey(_ sk: [UInt8], generator: ChipGenerator) throws(CryptoError) -> [UInt8] {
        switch (self, generator) {
        case (.ec(let group), .ec(let g)): return try group.multiply(g, by: sk).uncompressed
        case (.dh(let group), .dh(let g)):
            return try BigNumber(bytes: group.publicKey(privateKey: sk, generator: g)).bytes(paddedTo: group.primeSize)
        default: throw .invalidParameters("generator does not belong to the domain")
        }
    }

    /// Checks a peer's public key (on the curve / in range and in the subgroup).
    func validate(_ peer: [UInt8]) throws(CryptoError) {
        switch self {
        case .ec(let group): _ = try group.decodePoint(peer)
        case .dh(let group): try group.validatePublicKey(peer)
        }
    }

    /// The shared secret of key agreement: x-coordinate (EC) or the group element padded to |p|.
    func sharedSecret(_ sk: [UInt8], peer: [UInt8]) throws(CryptoError) -> [UInt8] {
        switch self {
        case .ec(let group): return try group.sharedSecret(privateKey: sk, peer: group.decodePoint(peer))
        case .dh(let group): return try group.sharedSecret(privateKey: sk, peer: peer)
        }
    }

    /// Same public key, compared by value (DH values may come with or without leading zeros).
    func samePublicKey(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        switch self {
        case .ec(let group):
            guard let pa = try? group.decodePoint(a), let pb = try? group.decodePoint(b) else { return a == b }
            return pa == pb
        case .dh: return a.drop { $0 == 0 } == b.drop { $0 == 0 }
        }
    }

    /// Prime of the field (EC) or the DH modulus.
    func prime() throws(CryptoError) -> [UInt8] {
        switch self {
        case .ec(let group): return try group.curveParameters().p
        case .dh(let group): return group.p
        }
    }
}

/// A (mapped) generator.
enum ChipGenerator: Sendable, Equatable {
    case ec(ECPoint)
    case dh([UInt8])
}
