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
