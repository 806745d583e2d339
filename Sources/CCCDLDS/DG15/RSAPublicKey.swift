/// An RSA public key.
public struct RSAPublicKey: Sendable, Hashable, Codable {
    /// The modulus, big-endian, without a sign octet.
    public var modulus: [UInt8]
    /// The public exponent, big-endian, without a sign octet.
    public var publicExponent: [UInt8]

    /// The size of the modulus in bits (e.g. 1024, 2048).
    public var modulusBitLength: Int {
        guard let first = modulus.first(where: { $0 != 0 }),
            let index = modulus.firstIndex(where: { $0 != 0 })
        else { return 0 }
        return (modulus.count - index) * 8 - first.leadingZeroBitCount
    }

    public init(modulus: [UInt8], publicExponent: [UInt8]) {
        self.modulus = modulus
        self.publicExponent = publicExponent
    }
}
