/// An X.509 / CMS AlgorithmIdentifier: an OID and its optional parameters.
public struct AlgorithmIdentifier: Sendable, Hashable, Codable {
    /// The algorithm OID in dotted form, e.g. `2.16.840.1.101.3.4.2.1` (SHA-256).
    public var oid: String
    /// The DER of the parameters element, when present (e.g. RSASSA-PSS-params, NULL, a curve).
    public var parameters: [UInt8]?
    /// The DER of the whole AlgorithmIdentifier.
    public var der: [UInt8]

    public init(oid: String, parameters: [UInt8]?, der: [UInt8]) {
        self.oid = oid
        self.parameters = parameters
        self.der = der
    }

    /// Whether the parameters are absent or an ASN.1 NULL.
    public var hasNoParameters: Bool {
        parameters == nil || parameters == [0x05, 0x00]
    }

    /// A short well-known name (`sha256`, `ecdsa-with-SHA256`, `rsassa-pss`, …) or `nil`.
    public var name: String? { ObjectIdentifiers.names[oid] }
}
