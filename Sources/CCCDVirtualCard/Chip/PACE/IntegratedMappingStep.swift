import CCCDCrypto
import CCCDPrimitives
import CCCDTransport

/// PACE integrated mapping on the chip (ICAO 9303-11 §4.4.3.3.2 and App. B): the generator is
/// derived from the chip nonce s and the terminal nonce t through the pseudo-random function R
/// and the encoding f_G (EC, App. B.2) or f_g (DH, App. B.3).
enum IntegratedMappingStep {
    /// The constants c0, c1 of App. B.1 for l = 128 and l = 256.
    private static let constants128 = (
        c0: Hex.decode("A668892A7C41E3CA739F40B057D85904")!, c1: Hex.decode("A4E136AC725F738B01C1F60217C188AD")!)
    private static let constants256 = (
        c0: Hex.decode("D463D65234124EF7897054986DCA0A174E28DF758CBAA03F240616414D5A1676")!,
        c1: Hex.decode("54BD7255F0AAF831BEC3423FCF39D69B6CBF066677D0FAAE5AADD99DF8E53517")!)

    static func mappedGenerator(domain: ChipDomain, cipher: ChipCipher, nonce s: [UInt8], terminalNonce t: [UInt8])
        throws(ChipError) -> ChipGenerator
    {
        guard t.count == cipher.keyLength else { throw .incorrectData("nonce t must be \(cipher.keyLength) bytes") }
        do {
            let p = try domain.prime()
            let r = try pseudoRandom(cipher: cipher, s: s, t: t, primeBits: BigNumber(bytes: p).bitCount)
            let field = try ModularField(modulus: p)
            let rp = try field.reduce(BigNumber(bytes: r))
            switch domain {
            case .ec(let group): return .ec(try encodePoint(group: group, field: field, t: rp))
            case .dh(let group):
                guard let q = group.q else { throw ChipError.configuration("DH without q") }
                // f_g(x) = x^((p-1)/q) mod p
                let exponent = try field.modulus.subtracting(BigNumber(word: 1)).dividing(by: BigNumber(bytes: q))
                let g = try field.power(rp, exponent)
                guard !g.isOne, !g.isZero else { throw ChipError.incorrectData("degenerate mapped generator") }
                return .dh(g.bytes)
            }
        } catch let error as ChipError {
            throw error
        } catch let error as CryptoError {
            throw .crypto(error)
        } catch {
            throw .incorrectData("\(error)")
        }
    }

    /// R(s, t): k0 = E(t, s); then x_i = E(k_{i-1}, c1) and k_i = E(k_{i-1}, c0) (CBC, IV 0, keys cut
    /// to the key length) until n·l ≥ log2 p + 64 bits are produced.
    static func pseudoRandom(cipher: ChipCipher, s: [UInt8], t: [UInt8], primeBits: Int) throws(CryptoError) -> [UInt8] {
        let (c0, c1) = s.count == 16 ? constants128 : constants256
        guard s.count == c0.count else { throw .invalidParameters("nonce length \(s.count)") }
        let blocks = (primeBits + 64 + s.count * 8 - 1) / (s.count * 8)
        var key = Array(try cipher.encryptCBC(key: t, iv: cipher.zeroIV, s).prefix(cipher.keyLength))
        var output: [UInt8] = []
        for _ in 0..<blocks {
            output += try cipher.encryptCBC(key: key, iv: cipher.zeroIV, c1)
            key = Array(try cipher.encryptCBC(key: key, iv: cipher.zeroIV, c0).prefix(cipher.keyLength))
        }
        return output
    }

    /// f_G (App. B.2, simplified SWU for p ≡ 3 mod 4) in affine coordinates.
    static func encodePoint(group: ECGroup, field: ModularField, t: BigNumber) throws -> ECPoint {
        let (_, aBytes, bBytes) = try group.curveParameters()
        let a = try BigNumber(bytes: aBytes)
        let b = try BigNumber(bytes: bBytes)
        let p = field.modulus
        let one = try BigNumber(word: 1)
        let four = try BigNumber(word: 4)
        guard try ModularField(modulus: four).reduce(p).compare(BigNumber(word: 3)) == 0
        else { throw ChipError.configuration("integrated mapping needs p ≡ 3 mod 4") }
        guard !t.isZero else { throw ChipError.incorrectData("t = 0") }

        let t2 = try field.square(t)
        let alpha = try field.negate(t2)                                     // α = -t²
        let alpha2 = try field.square(alpha)
        let sum = try field.add(alpha, alpha2)                               // α + α²
        let denominator = try field.multiply(a, sum)
        guard !denominator.isZero else { throw ChipError.incorrectData("degenerate encoding") }
        let x2 = try field.multiply(
            field.negate(field.multiply(b, field.add(one, sum))), field.inverse(denominator))  // -b(1+α+α²)/(a(α+α²))
        let x3 = try field.multiply(alpha, x2)                               // α X2
        let h2 = try curveRight(field, x2, a, b)                             // X2³ + a X2 + b
        let u = try field.multiply(field.multiply(t2, t), h2)                // t³ h2
        // A = h2^(p - 1 - (p+1)/4)
        let exponent = try p.subtracting(one).subtracting(p.adding(one).dividing(by: four))
        let aa = try field.power(h2, exponent)
        let isSquare = try field.multiply(field.square(aa), h2).isOne
        let x = isSquare ? x2 : x3
        let y = isSquare ? try field.multiply(aa, h2) : try field.multiply(aa, u)
        let point = try group.point(x: x.bytes(paddedTo: group.fieldSize), y: y.bytes(paddedTo: group.fieldSize))
        let cofactor = try group.cofactor()
        return cofactor == [1] ? point : try group.multiply(point, by: cofactor)
    }

    private static func curveRight(_ field: ModularField, _ x: BigNumber, _ a: BigNumber, _ b: BigNumber) throws -> BigNumber {
        try field.add(field.add(field.multiply(field.square(x), x), field.multiply(a, x)), b)
    }
}
