import COpenSSL

/// An elliptic-curve group over GF(p) (a named curve or explicit parameters) with the point
/// operations PACE and Chip Authentication need. Every operation is an OpenSSL `EC_*` call.
///
/// The wrapped `EC_GROUP` is never mutated after construction and only read by the operations,
/// which OpenSSL allows from several threads at once; hence `@unchecked Sendable`.
public final class ECGroup: @unchecked Sendable {
    let group: OpaquePointer
    /// Field size in bytes (length of each coordinate).
    public let fieldSize: Int
    /// Byte length of the group order.
    public let orderSize: Int
    /// The curve, when the group was built from a name.
    public let curve: StandardCurve?

    /// The group of a named curve.
    public init(curve: StandardCurve) throws(CryptoError) {
        guard let group = EC_GROUP_new_by_curve_name(curve.nid) else { throw .unsupportedAlgorithm(curve.rawValue) }
        self.group = group
        self.curve = curve
        self.fieldSize = Int((EC_GROUP_get_degree(group) + 7) / 8)
        self.orderSize = Int((EC_GROUP_order_bits(group) + 7) / 8)
    }

    /// A group from explicit parameters (prime p, coefficients a and b, generator G encoded as a
    /// point, order n, cofactor h), as found in ECParameters of DG14 / EF.CardSecurity /
    /// PACEDomainParameterInfo.
    public init(prime p: [UInt8], a: [UInt8], b: [UInt8], generator: [UInt8], order: [UInt8], cofactor: [UInt8]?)
        throws(CryptoError)
    {
        let ctx = try BigNumberContext()
        let bp = try BigNumber(bytes: p)
        let ba = try BigNumber(bytes: a)
        let bb = try BigNumber(bytes: b)
        let bn = try BigNumber(bytes: order)
        let bh = try BigNumber(bytes: cofactor ?? [1])
        guard bp.bitCount >= 160, !bn.isZero else { throw .invalidParameters("prime or order too small") }
        guard let group = EC_GROUP_new_curve_GFp(bp.bn, ba.bn, bb.bn, ctx.ctx) else {
            throw .invalidParameters("curve parameters rejected: \(OpenSSL.lastError())")
        }
        guard let g = EC_POINT_new(group) else {
            EC_GROUP_free(group)
            throw OpenSSL.failure("EC_POINT_new")
        }
        defer { EC_POINT_free(g) }
        let decoded = generator.withUnsafeBufferPointer { EC_POINT_oct2point(group, g, $0.baseAddress, $0.count, ctx.ctx) }
        guard decoded == 1, EC_POINT_is_on_curve(group, g, ctx.ctx) == 1 else {
            EC_GROUP_free(group)
            throw .invalidParameters("generator is not a point of the curve")
        }
        guard EC_GROUP_set_generator(group, g, bn.bn, bh.bn) == 1 else {
            EC_GROUP_free(group)
            throw .invalidParameters("generator/order rejected: \(OpenSSL.lastError())")
        }
        self.group = group
        self.curve = nil
        self.fieldSize = Int((EC_GROUP_get_degree(group) + 7) / 8)
        self.orderSize = Int((EC_GROUP_order_bits(group) + 7) / 8)
    }

    deinit { EC_GROUP_free(group) }

    // MARK: Parameters

    /// (p, a, b) as big-endian bytes padded to the field size.
    public func curveParameters() throws(CryptoError) -> (p: [UInt8], a: [UInt8], b: [UInt8]) {
        let ctx = try BigNumberContext()
        let p = try BigNumber.fresh()
        let a = try BigNumber.fresh()
        let b = try BigNumber.fresh()
        guard EC_GROUP_get_curve(group, p.bn, a.bn, b.bn, ctx.ctx) == 1 else { throw OpenSSL.failure("EC_GROUP_get_curve") }
        return (try p.bytes(paddedTo: fieldSize), try a.bytes(paddedTo: fieldSize), try b.bytes(paddedTo: fieldSize))
    }

    /// The order n of the generator.
    public func order() throws(CryptoError) -> [UInt8] {
        guard let n = EC_GROUP_get0_order(group), let dup = BN_dup(n) else {
            throw OpenSSL.failure("EC_GROUP_get0_order")
        }
        return try BigNumber(taking: dup).bytes(paddedTo: orderSize)
    }

    /// The cofactor h.
    public func cofactor() throws(CryptoError) -> [UInt8] {
        guard let h = EC_GROUP_get0_cofactor(group), let dup = BN_dup(h) else { return [1] }
        return BigNumber(taking: dup).bytes
    }

    /// The generator G.
    public func generator() throws(CryptoError) -> ECPoint {
        guard let g = EC_GROUP_get0_generator(group) else { throw OpenSSL.failure("EC_GROUP_get0_generator") }
        let ctx = try BigNumberContext()
        return try affine(g, ctx)
    }

    // MARK: Points

    /// Decodes an encoded point (uncompressed `04‖x‖y`, or compressed) and checks that it lies on
    /// the curve and is not the point at infinity.
    public func decodePoint(_ bytes: [UInt8]) throws(CryptoError) -> ECPoint {
        let ctx = try BigNumberContext()
        let point = try newPoint(bytes, ctx)
        defer { EC_POINT_free(point) }
        return try affine(point, ctx)
    }

    /// The point (x, y), checked to lie on the curve.
    public func point(x: [UInt8], y: [UInt8]) throws(CryptoError) -> ECPoint {
        guard x.count <= fieldSize, y.count <= fieldSize else { throw .invalidPoint("coordinate longer than the field") }
        return try decodePoint([0x04] + leftPad(x, fieldSize) + leftPad(y, fieldSize))
    }

    /// `scalar × point`. Throws if the result is the point at infinity.
    public func multiply(_ point: ECPoint, by scalar: [UInt8]) throws(CryptoError) -> ECPoint {
        let ctx = try BigNumberContext()
        let p = try newPoint(point.uncompressed, ctx)
        defer { EC_POINT_free(p) }
        let k = try BigNumber(bytes: scalar)
        guard !k.isZero else { throw .invalidScalar }
        guard let r = EC_POINT_new(group) else { throw OpenSSL.failure("EC_POINT_new") }
        defer { EC_POINT_free(r) }
        guard EC_POINT_mul(group, r, nil, p, k.bn, ctx.ctx) == 1 else { throw OpenSSL.failure("EC_POINT_mul") }
        return try affine(r, ctx)
    }

    /// `scalar × G`. Throws if the result is the point at infinity.
    public func multiplyGenerator(by scalar: [UInt8]) throws(CryptoError) -> ECPoint {
        let ctx = try BigNumberContext()
        let k = try BigNumber(bytes: scalar)
        guard !k.isZero else { throw .invalidScalar }
        guard let r = EC_POINT_new(group) else { throw OpenSSL.failure("EC_POINT_new") }
        defer { EC_POINT_free(r) }
        guard EC_POINT_mul(group, r, k.bn, nil, nil, ctx.ctx) == 1 else { throw OpenSSL.failure("EC_POINT_mul") }
        return try affine(r, ctx)
    }

    /// `a + b`. Throws if the sum is the point at infinity.
    public func add(_ a: ECPoint, _ b: ECPoint) throws(CryptoError) -> ECPoint {
        let ctx = try BigNumberContext()
        let pa = try newPoint(a.uncompressed, ctx)
        defer { EC_POINT_free(pa) }
        let pb = try newPoint(b.uncompressed, ctx)
        defer { EC_POINT_free(pb) }
        guard let r = EC_POINT_new(group) else { throw OpenSSL.failure("EC_POINT_new") }
        defer { EC_POINT_free(r) }
        guard EC_POINT_add(group, r, pa, pb, ctx.ctx) == 1 else { throw OpenSSL.failure("EC_POINT_add") }
        return try affine(r, ctx)
    }

    /// ECKA-DH (BSI TR-03111): the x-coordinate of `privateKey × peer`, padded to the field size.
    /// The peer point is validated (on the curve, not infinity) when decoded. All standardized
    /// eMRTD curves have cofactor 1, so no cofactor multiplication is needed for them.
    public func sharedSecret(privateKey: [UInt8], peer: ECPoint) throws(CryptoError) -> [UInt8] {
        try multiply(peer, by: privateKey).x
    }

    /// The public point `privateKey × G`.
    public func publicKey(privateKey: [UInt8]) throws(CryptoError) -> ECPoint {
        try multiplyGenerator(by: privateKey)
    }

    /// A private key in [1, n-1] derived from random bytes: (int(bytes) mod (n-1)) + 1. Pass at
    /// least `orderSize + 8` bytes so the bias is negligible.
    public func privateKey(fromRandom bytes: [UInt8]) throws(CryptoError) -> [UInt8] {
        let n = try BigNumber(bytes: order())
        let nMinusOne = try n.subtracting(BigNumber(word: 1))
        let field = try ModularField(modulus: nMinusOne)
        let k = try field.reduce(BigNumber(bytes: bytes)).adding(BigNumber(word: 1))
        return try k.bytes(paddedTo: orderSize)
    }

    // MARK: Internals

    private func newPoint(_ bytes: [UInt8], _ ctx: BigNumberContext) throws(CryptoError) -> OpaquePointer {
        guard !bytes.isEmpty else { throw .invalidPoint("empty encoding") }
        guard let point = EC_POINT_new(group) else { throw OpenSSL.failure("EC_POINT_new") }
        let decoded = bytes.withUnsafeBufferPointer { EC_POINT_oct2point(group, point, $0.baseAddress, $0.count, ctx.ctx) }
        guard decoded == 1 else {
            EC_POINT_free(point)
            ERR_clear_error()
            throw .invalidPoint("not a valid point encoding for this curve")
        }
        guard EC_POINT_is_at_infinity(group, point) == 0 else {
            EC_POINT_free(point)
            throw .pointAtInfinity
        }
        guard EC_POINT_is_on_curve(group, point, ctx.ctx) == 1 else {
            EC_POINT_free(point)
            ERR_clear_error()
            throw .invalidPoint("not on the curve")
        }
        return point
    }

    private func affine(_ point: OpaquePointer, _ ctx: BigNumberContext) throws(CryptoError) -> ECPoint {
        guard EC_POINT_is_at_infinity(group, point) == 0 else { throw .pointAtInfinity }
        let x = try BigNumber.fresh()
        let y = try BigNumber.fresh()
        guard EC_POINT_get_affine_coordinates(group, point, x.bn, y.bn, ctx.ctx) == 1 else {
            throw OpenSSL.failure("EC_POINT_get_affine_coordinates")
        }
        return ECPoint(x: try x.bytes(paddedTo: fieldSize), y: try y.bytes(paddedTo: fieldSize))
    }

    private func leftPad(_ bytes: [UInt8], _ length: Int) -> [UInt8] {
        [UInt8](repeating: 0, count: max(0, length - bytes.count)) + bytes
    }
}
