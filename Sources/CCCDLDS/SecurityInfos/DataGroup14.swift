import SwiftASN1

/// DG14 (tag `6E`): the SecurityInfos of chip authentication, PACE and active authentication.
public enum DataGroup14 {
    /// The SecurityInfos inside DG14's `6E` template.
    public static func securityInfos(_ bytes: [UInt8]) throws(SecurityInfoError) -> SecurityInfos {
        let node: ASN1Node
        do {
            node = try BER.parse(bytes)
        } catch {
            throw .malformed("DG14 is not BER")
        }
        guard node.identifier == ASN1Identifier(tagWithNumber: 14, tagClass: .application),
            case .constructed(let children) = node.content, let set = children.first(where: { _ in true })
        else { throw .malformed("DG14 is not a 6E template holding SecurityInfos") }
        return try SecurityInfos(encoded: Array(set.encodedBytes))
    }
}
