import COpenSSL

/// Arithmetic modulo a fixed modulus (a prime field GF(p), or Z_n for exponents), every
/// operation an OpenSSL `BN_mod_*` call. Results are always reduced into [0, modulus).
/// Not `Sendable`: create one per computation.
public final class ModularField {
    public let modulus: BigNumber
    private let context: BigNumberContext

    public init(modulus: BigNumber) throws(CryptoError) {
        guard !modulus.isZero, !modulus.isOne else { throw .invalidParameters("modulus must be greater than 1") }
        self.modulus = modulus
        self.context = try BigNumberContext()
    }

    public convenience init(modulus bytes: [UInt8]) throws(CryptoError) {
        try self.init(modulus: BigNumber(bytes: bytes))
    }

    /// Byte length of the modulus.
    public var byteCount: Int { modulus.byteCount }

    private typealias Binary = (OpaquePointer?, OpaquePointer?, OpaquePointer?, OpaquePointer?, OpaquePointer?) -> Int32

    private func binary(_ name: String, _ a: BigNumber, _ b: BigNumber, _ op: Binary) throws(CryptoError) -> BigNumber {
        let r = try BigNumber.fresh()
        guard op(r.bn, a.bn, b.bn, modulus.bn, context.ctx) == 1 else { throw OpenSSL.failure(name) }
        return r
    }

    /// `a mod m` for any non-negative `a`.
    public func reduce(_ a: BigNumber) throws(CryptoError) -> BigNumber {
        let r = try BigNumber.fresh()
        guard BN_nnmod(r.bn, a.bn, modulus.bn, context.ctx) == 1 else { throw OpenSSL.failure("BN_nnmod") }
        return r
    }

    public func add(_ a: BigNumber, _ b: BigNumber) throws(CryptoError) -> BigNumber {
        try binary("BN_mod_add", a, b, BN_mod_add)
    }

    public func subtract(_ a: BigNumber, _ b: BigNumber) throws(CryptoError) -> BigNumber {
        try binary("BN_mod_sub", a, b, BN_mod_sub)
    }

    public func multiply(_ a: BigNumber, _ b: BigNumber) throws(CryptoError) -> BigNumber {
        try binary("BN_mod_mul", a, b, BN_mod_mul)
    }

    /// `base^exponent mod m` (constant-time variant when the modulus is odd).
    public func power(_ base: BigNumber, _ exponent: BigNumber) throws(CryptoError) -> BigNumber {
        let r = try BigNumber.fresh()
        let ok: Int32
        if modulus.isOdd {
            ok = BN_mod_exp_mont_consttime(r.bn, base.bn, exponent.bn, modulus.bn, context.ctx, nil)
        } else {
            ok = BN_mod_exp(r.bn, base.bn, exponent.bn, modulus.bn, context.ctx)
        }
        guard ok == 1 else { throw OpenSSL.failure("BN_mod_exp") }
        return r
    }

    public func square(_ a: BigNumber) throws(CryptoError) -> BigNumber {
        let r = try BigNumber.fresh()
        guard BN_mod_sqr(r.bn, a.bn, modulus.bn, context.ctx) == 1 else { throw OpenSSL.failure("BN_mod_sqr") }
        return r
    }

    /// `-a mod m`.
    public func negate(_ a: BigNumber) throws(CryptoError) -> BigNumber {
        try subtract(BigNumber(word: 0), a)
    }

    /// `a^-1 mod m`; throws when `a` is not invertible.
    public func inverse(_ a: BigNumber) throws(CryptoError) -> BigNumber {
        let r = try BigNumber.fresh()
        guard BN_mod_inverse(r.bn, a.bn, modulus.bn, context.ctx) != nil else {
            throw .invalidParameters("value is not invertible")
        }
        return r
    }
}
