/// Explicit elliptic-curve domain parameters (X9.62 ECParameters), all integers big-endian
/// without sign octet.
public struct ExplicitECParameters: Sendable, Hashable, Codable {
    /// ECParameters version (1).
    public var version: Int
    /// The field type OID (1.2.840.10045.1.1 prime-field, 1.2.840.10045.1.2 characteristic-two).
    public var fieldType: String
    /// The prime p for a prime field; empty for other field types.
    public var prime: [UInt8]
    /// Curve coefficient a (as encoded in its OCTET STRING).
    public var a: [UInt8]
    /// Curve coefficient b.
    public var b: [UInt8]
    /// The base point as encoded (`04 || X || Y`).
    public var generator: [UInt8]
    /// The order of the base point.
    public var order: [UInt8]
    /// The cofactor, when present.
    public var cofactor: [UInt8]?
    /// The DER of the whole ECParameters SEQUENCE.
    public var der: [UInt8]

    public init(
        version: Int, fieldType: String, prime: [UInt8], a: [UInt8], b: [UInt8], generator: [UInt8],
        order: [UInt8], cofactor: [UInt8]?, der: [UInt8]
    ) {
        self.version = version
        self.fieldType = fieldType
        self.prime = prime
        self.a = a
        self.b = b
        self.generator = generator
        self.order = order
        self.cofactor = cofactor
        self.der = der
    }
}
