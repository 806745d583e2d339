import SwiftASN1

/// Small conveniences over swift-asn1 for the SecurityInfo structures (BER accepted, since
/// EF.CardAccess is not always DER).
package enum ASN1Reading {
    package static func oid(_ node: ASN1Node) throws -> String {
        try ASN1ObjectIdentifier(berEncoded: node).description
    }

    package static func int(_ node: ASN1Node) throws -> Int {
        try Int(berEncoded: node)
    }

    /// An INTEGER read as a minimal unsigned big-endian magnitude. Some issuers encode large
    /// parameters (p, n) without the leading 00 that DER needs for a positive value; such values
    /// are meant as unsigned, so the sign bit is not held against them.
    package static func unsignedInteger(_ node: ASN1Node) throws -> [UInt8] {
        guard node.identifier == .integer, case .primitive(let bytes) = node.content, !bytes.isEmpty else {
            throw SecurityInfoError.malformed("expected a non-empty INTEGER")
        }
        return Array(bytes.drop { $0 == 0 })
    }

    /// An INTEGER given as its complete DER encoding (e.g. the DH public value inside a BIT STRING).
    package static func unsignedInteger(der: [UInt8]) throws(SecurityInfoError) -> [UInt8] {
        do {
            return try unsignedInteger(BER.parse(der))
        } catch let error as SecurityInfoError {
            throw error
        } catch {
            throw .malformed("public value is not an INTEGER")
        }
    }

    package static func octetString(_ node: ASN1Node) throws -> [UInt8] {
        Array(try ASN1OctetString(berEncoded: node).bytes)
    }

    package static func bitString(_ node: ASN1Node) throws -> [UInt8] {
        let bits = try ASN1BitString(berEncoded: node)
        guard bits.paddingBits == 0 else { throw SecurityInfoError.malformed("BIT STRING with unused bits") }
        return Array(bits.bytes)
    }

    package static func children(_ node: ASN1Node, _ identifier: ASN1Identifier) throws -> [ASN1Node] {
        guard node.identifier == identifier, case .constructed(let nodes) = node.content else {
            throw SecurityInfoError.malformed("expected \(identifier)")
        }
        return Array(nodes)
    }

    package static func algorithmIdentifier(_ node: ASN1Node) throws -> AlgorithmIdentifier {
        let parts = try children(node, .sequence)
        guard (1...2).contains(parts.count) else { throw SecurityInfoError.malformed("AlgorithmIdentifier size") }
        return AlgorithmIdentifier(
            oid: try oid(parts[0]), parameters: parts.count == 2 ? Array(parts[1].encodedBytes) : nil,
            der: Array(node.encodedBytes))
    }
}
