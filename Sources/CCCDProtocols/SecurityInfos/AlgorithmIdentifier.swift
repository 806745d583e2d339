/// An X.509 AlgorithmIdentifier: an OID and its optional parameters, kept as encoded bytes.
public struct AlgorithmIdentifier: Hashable, Sendable {
    public let oid: String
    /// The DER/BER encoding of the parameters element, nil when absent.
    public let parameters: [UInt8]?

    public init(oid: String, parameters: [UInt8]?) {
        self.oid = oid
        self.parameters = parameters
    }
}
