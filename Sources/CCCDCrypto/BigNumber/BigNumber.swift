import COpenSSL

/// An arbitrary-precision non-negative integer owned by an OpenSSL `BIGNUM` (freed with
/// `BN_clear_free`, since these often hold private values). Intended for local computations, so
/// it is deliberately not `Sendable`; exchange values between tasks as big-endian bytes.
public final class BigNumber {
    let bn: OpaquePointer

    init(taking bn: OpaquePointer) {
        self.bn = bn
    }

    /// The big-endian unsigned integer in `bytes` (empty = 0).
    public init(bytes: [UInt8]) throws(CryptoError) {
        guard let bn = bytes.withUnsafeBufferPointer({ BN_bin2bn($0.baseAddress, Int32($0.count), nil) }) else {
            throw OpenSSL.failure("BN_bin2bn")
        }
        self.bn = bn
    }

    public init(word: UInt) throws(CryptoError) {
        guard let bn = BN_new() else { throw OpenSSL.failure("BN_new") }
        self.bn = bn
        guard BN_set_word(bn, numericCast(word)) == 1 else { throw OpenSSL.failure("BN_set_word") }
    }

    deinit { BN_clear_free(bn) }

    /// Big-endian bytes, left-padded with zeros to `length` (throws if the value does not fit).
    public func bytes(paddedTo length: Int) throws(CryptoError) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: length)
        let written = out.withUnsafeMutableBufferPointer { BN_bn2binpad(bn, $0.baseAddress, Int32(length)) }
        guard written == Int32(length) else { throw .invalidParameters("value does not fit in \(length) bytes") }
        return out
    }

    /// Minimal big-endian bytes (empty for zero).
    public var bytes: [UInt8] {
        let count = Int((BN_num_bits(bn) + 7) / 8)
        var out = [UInt8](repeating: 0, count: count)
        if count > 0 { _ = out.withUnsafeMutableBufferPointer { BN_bn2bin(bn, $0.baseAddress) } }
        return out
    }

    public var bitCount: Int { Int(BN_num_bits(bn)) }
    public var byteCount: Int { (bitCount + 7) / 8 }
    public var isZero: Bool { BN_is_zero(bn) == 1 }
    public var isOne: Bool { BN_is_one(bn) == 1 }
    public var isOdd: Bool { BN_is_odd(bn) == 1 }

    /// -1, 0 or 1 as `self` is less than, equal to or greater than `other`.
    public func compare(_ other: BigNumber) -> Int { Int(BN_cmp(bn, other.bn)) }

    /// `self + other` (no modulus).
    public func adding(_ other: BigNumber) throws(CryptoError) -> BigNumber {
        let r = try BigNumber.fresh()
        guard BN_add(r.bn, bn, other.bn) == 1 else { throw OpenSSL.failure("BN_add") }
        return r
    }

    /// `self - other`; throws if the result would be negative.
    public func subtracting(_ other: BigNumber) throws(CryptoError) -> BigNumber {
        guard compare(other) >= 0 else { throw .invalidParameters("negative difference") }
        let r = try BigNumber.fresh()
        guard BN_sub(r.bn, bn, other.bn) == 1 else { throw OpenSSL.failure("BN_sub") }
        return r
    }

    /// Integer division `self / divisor`, discarding the remainder.
    public func dividing(by divisor: BigNumber) throws(CryptoError) -> BigNumber {
        guard !divisor.isZero else { throw .invalidParameters("division by zero") }
        let q = try BigNumber.fresh()
        let ctx = try BigNumberContext()
        guard BN_div(q.bn, nil, bn, divisor.bn, ctx.ctx) == 1 else { throw OpenSSL.failure("BN_div") }
        return q
    }

    static func fresh() throws(CryptoError) -> BigNumber {
        guard let bn = BN_new() else { throw OpenSSL.failure("BN_new") }
        return BigNumber(taking: bn)
    }

    /// A copy that does not share the BIGNUM.
    public func copy() throws(CryptoError) -> BigNumber {
        guard let dup = BN_dup(bn) else { throw OpenSSL.failure("BN_dup") }
        return BigNumber(taking: dup)
    }
}

/// An OpenSSL `BN_CTX` scratch area (not thread safe; one per computation).
final class BigNumberContext {
    let ctx: OpaquePointer

    init() throws(CryptoError) {
        guard let ctx = BN_CTX_new() else { throw OpenSSL.failure("BN_CTX_new") }
        self.ctx = ctx
    }

    deinit { BN_CTX_free(ctx) }
}
