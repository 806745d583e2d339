import CCCDCrypto
import CCCDLDS

/// PACE Integrated Mapping (ICAO 9303-11 §4.4.3.3.2, App. B): Ĝ = f_G(R_p(s, t)).
package enum IntegratedMapping {
    /// Constants c0, c1 of the pseudo-random number mapping (l = 128 for 3DES / AES-128, l = 256
    /// for AES-192 / AES-256).
    static let c0_128: [UInt8] = [
        0xA6, 0x68, 0x89, 0x2A, 0x7C, 0x41, 0xE3, 0xCA, 0x73, 0x9F, 0x40, 0xB0, 0x57, 0xD8, 0x59, 0x04,
    ]
    static let c1_128: [UInt8] = [
        0xA4, 0xE1, 0x36, 0xAC, 0x72, 0x5F, 0x73, 0x8B, 0x01, 0xC1, 0xF6, 0x02, 0x17, 0xC1, 0x88, 0xAD,
    ]
    static let c0_256: [UInt8] = [
        0xD4, 0x63, 0xD6, 0x52, 0x34, 0x12, 0x4E, 0xF7, 0x89, 0x70, 0x54, 0x98, 0x6D, 0xCA, 0x0A, 0x17,
        0x4E, 0x28, 0xDF, 0x75, 0x8C, 0xBA, 0xA0, 0x3F, 0x24, 0x06, 0x16, 0x41, 0x4D, 0x5A, 0x16, 0x76,
    ]
    static let c1_256: [UInt8] = [
        0x54, 0xBD, 0x72, 0x55, 0xF0, 0xAA, 0xF8, 0x31, 0xBE, 0xC3, 0x42, 0x3F, 0xCF, 0x39, 0xD6, 0x9B,
        0x6C, 0xBF, 0x06, 0x66, 0x77, 0xD0, 0xFA, 0xAE, 0x5A, 0xAD, 0xD9, 0x9D, 0xF8, 0xE5, 0x35, 0x17,
    ]

    /// Length in bytes of the terminal's nonce t: the cipher's key size (3DES counts as 128 bits).
    package static func nonceLength(cipher: SecureMessagingCipher) -> Int { cipher.keyLength }

    /// R(s, t) = x1 ‖ … ‖ xn with k0 = E(t, s), x_i = E(k_{i-1}, c1), k_i = E(k_{i-1}, c0), every E in
    /// CBC mode with IV = 0 and keys truncated to the cipher's key size; n is the smallest number
    /// with n·l ≥ log2(p) + 64.
    package static func pseudoRandom(s: [UInt8], t: [UInt8], cipher: SecureMessagingCipher, primeBits: Int)
        throws(AccessControlError) -> [UInt8]
    {
        let keyLength = cipher.keyLength
        guard t.count == keyLength else { throw .invalidAccessKey("IM nonce t must be \(keyLength) bytes") }
        let (c0, c1) = s.count == 16 ? (c0_128, c1_128) : (c0_256, c1_256)
        guard s.count == c0.count else {
            throw .malformedResponse(step: "GENERAL AUTHENTICATE (encrypted nonce)", reason: "nonce length \(s.count)")
        }
        let l = s.count * 8
        let n = (primeBits + 64 + l - 1) / l
        return try crypto { () throws(CryptoError) in
            let zero = [UInt8](repeating: 0, count: cipher.blockSize)
            var k = try cipher.encrypt(key: t, iv: zero, data: s)
            var out: [UInt8] = []
            for _ in 0..<n {
                let key = Array(k.prefix(keyLength))
                out += try cipher.encrypt(key: key, iv: zero, data: c1)
                k = try cipher.encrypt(key: key, iv: zero, data: c0)
            }
            return out
        }
    }

    /// R_p(s, t) = int(R(s, t)) mod p, as bytes padded to |p|.
    package static func pseudoRandomFieldElement(s: [UInt8], t: [UInt8], cipher: SecureMessagingCipher,
                                                domain: DomainParameters) throws(AccessControlError) -> [UInt8]
    {
        let r = try pseudoRandom(s: s, t: t, cipher: cipher, primeBits: domain.primeBitCount)
        return try crypto { () throws(CryptoError) in
            let p: [UInt8]
            switch domain {
            case .ec(let group): p = try group.curveParameters().p
            case .dh(let group): p = group.p
            }
            let field = try ModularField(modulus: p)
            return try field.reduce(BigNumber(bytes: r)).bytes(paddedTo: p.count)
        }
    }

    /// The mapped generator for nonces s (chip) and t (terminal).
    package static func mapGenerator(domain: DomainParameters, nonce s: [UInt8], terminalNonce t: [UInt8],
                                    cipher: SecureMessagingCipher) throws(AccessControlError) -> PACEGenerator
    {
        let rp = try pseudoRandomFieldElement(s: s, t: t, cipher: cipher, domain: domain)
        return try crypto { () throws(CryptoError) in
            switch domain {
            case .ec(let group): return .ec(try pointEncoding(group: group, t: rp))
            case .dh(let group):
                // f_g(x) = x^((p-1)/q) mod p; ĝ must not be 1.
                guard let q = group.q else { throw .invalidParameters("DH integrated mapping needs the subgroup order q") }
                let field = try ModularField(modulus: group.p)
                let exponent = try field.modulus.subtracting(BigNumber(word: 1)).dividing(by: BigNumber(bytes: q))
                let g = try field.power(BigNumber(bytes: rp), exponent)
                guard !g.isOne, !g.isZero else { throw .invalidParameters("mapped generator is 1") }
                return .dh(g.bytes)
            }
        }
    }

    /// The point encoding f_G of ICAO 9303-11 App. B.2 (affine coordinates, Brier et al.), every
    /// step a modular operation in OpenSSL. Requires p ≡ 3 (mod 4).
    package static func pointEncoding(group: ECGroup, t tBytes: [UInt8]) throws(CryptoError) -> ECPoint {
        let (pBytes, aBytes, bBytes) = try group.curveParameters()
        let field = try ModularField(modulus: pBytes)
        let p = field.modulus
        let three = try BigNumber(word: 3)
        let four = try BigNumber(word: 4)
        guard try ModularField(modulus: four).reduce(p).compare(three) == 0 else {
            throw .invalidParameters("integrated mapping needs p ≡ 3 mod 4")
        }
        let t = try field.reduce(BigNumber(bytes: tBytes))
        guard !t.isZero else { throw .invalidParameters("t = 0") }
        let a = try BigNumber(bytes: aBytes)
        let b = try BigNumber(bytes: bBytes)
        let one = try BigNumber(word: 1)

        // 1. α = -t² mod p
        let alpha = try field.negate(field.square(t))
        // 2. X2 = -b (1 + α + α²) (a (α + α²))^(p-2) mod p
        let alphaPlusSquare = try field.add(alpha, field.square(alpha))
        let denominator = try field.multiply(a, alphaPlusSquare)
        guard !denominator.isZero else { throw .invalidParameters("degenerate point encoding") }
        let inverse = try field.power(denominator, p.subtracting(BigNumber(word: 2)))
        let x2 = try field.multiply(field.negate(b), field.multiply(field.add(one, alphaPlusSquare), inverse))
        // 3. X3 = α X2 mod p
        let x3 = try field.multiply(alpha, x2)
        // 4. h2 = X2³ + a X2 + b mod p
        let h2 = try field.add(field.add(field.multiply(field.square(x2), x2), field.multiply(a, x2)), b)
        // 6. U = t³ h2 mod p
        let u = try field.multiply(field.multiply(field.square(t), t), h2)
        // 7. A = h2^(p - 1 - (p+1)/4) mod p
        let exponent = try p.subtracting(one).subtracting(p.adding(one).dividing(by: four))
        let aValue = try field.power(h2, exponent)
        // 8./9. choose (X2, A h2) when A² h2 = 1, else (X3, A U)
        let check = try field.multiply(field.square(aValue), h2)
        let (x, y) = check.isOne ? (x2, try field.multiply(aValue, h2)) : (x3, try field.multiply(aValue, u))
        let point = try group.point(x: x.bytes(paddedTo: group.fieldSize), y: y.bytes(paddedTo: group.fieldSize))
        // 10. multiply by the cofactor (1 for every standardized curve).
        let cofactor = try group.cofactor()
        if cofactor == [1] { return point }
        return try group.multiply(point, by: cofactor)
    }
}
