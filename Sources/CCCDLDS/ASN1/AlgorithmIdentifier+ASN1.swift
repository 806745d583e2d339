import SwiftASN1

extension AlgorithmIdentifier {
    /// Reads `SEQUENCE { algorithm OID, parameters ANY OPTIONAL }`.
    init(node: ASN1Node, context: String) throws(LDSError) {
        try node.require(.sequence, context)
        let children = try node.children(context)
        guard let first = children.first, children.count <= 2 else {
            throw .unexpectedStructure(context: "\(context): AlgorithmIdentifier needs 1 or 2 elements")
        }
        self.init(
            oid: try first.oidString(context), parameters: children.count == 2 ? children[1].encoded : nil,
            der: node.encoded)
    }
}

extension AlgorithmIdentifier {
    /// An identifier made in code rather than read: `der` is `SEQUENCE { oid, parameters }` in DER
    /// (swift-asn1), empty when `oid` is not a dotted OID.
    public init(oid: String, parameters: [UInt8]?) {
        var der: [UInt8] = []
        if let identifier = try? ASN1ObjectIdentifier(dotRepresentation: oid) {
            var serializer = DER.Serializer()
            if (try? serializer.appendConstructedNode(
                identifier: .sequence,
                { coder in
                    try coder.serialize(identifier)
                    if let parameters { coder.serializeRawBytes(parameters) }
                })) != nil
            {
                der = serializer.serializedBytes
            }
        }
        self.init(oid: oid, parameters: parameters, der: der)
    }
}
