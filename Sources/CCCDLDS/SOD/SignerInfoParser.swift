import SwiftASN1

/// Parses a CMS SignerInfo.
enum SignerInfoParser {
    /// `SignerInfo ::= SEQUENCE { version, sid, digestAlgorithm, signedAttrs [0] IMPLICIT OPTIONAL,
    /// signatureAlgorithm, signature OCTET STRING, unsignedAttrs [1] IMPLICIT OPTIONAL }`.
    static func parse(_ node: ASN1Node) throws(LDSError) -> SignerInfo {
        let context = "SignerInfo"
        try node.require(.sequence, context)
        let children = try node.children(context)
        guard children.count >= 5 else { throw .unexpectedStructure(context: "\(context): too few elements") }
        let version = try children[0].intValue("\(context) version")
        let sid = try signerIdentifier(children[1])
        let digestAlgorithm = try AlgorithmIdentifier(node: children[2], context: "\(context) digestAlgorithm")
        var position = 3
        var signedAttributes: SignedAttributes?
        if children[position].hasTag(.contextSpecific, 0) {
            signedAttributes = try attributes(children[position])
            position += 1
        }
        guard position + 1 < children.count else {
            throw .unexpectedStructure(context: "\(context): signature missing")
        }
        let signatureAlgorithm = try AlgorithmIdentifier(
            node: children[position], context: "\(context) signatureAlgorithm")
        let signature = try children[position + 1].octetStringBytes("\(context) signature")
        position += 2
        var unsigned: [UInt8]?
        if position < children.count {
            guard children[position].hasTag(.contextSpecific, 1), position == children.count - 1 else {
                throw .unexpectedStructure(context: "\(context): unexpected trailing elements")
            }
            unsigned = children[position].encoded
        }
        return SignerInfo(
            version: version, signerIdentifier: sid, digestAlgorithm: digestAlgorithm,
            signedAttributes: signedAttributes, signatureAlgorithm: signatureAlgorithm, signature: signature,
            unsignedAttributesDER: unsigned)
    }

    /// `SignerIdentifier ::= CHOICE { IssuerAndSerialNumber, [0] IMPLICIT SubjectKeyIdentifier }`.
    static func signerIdentifier(_ node: ASN1Node) throws(LDSError) -> SignerIdentifier {
        let context = "SignerInfo sid"
        if node.identifier == .sequence {
            let children = try node.children(context)
            guard children.count == 2 else { throw .unexpectedStructure(context: "\(context): issuerAndSerialNumber") }
            try children[0].require(.sequence, "\(context) issuer")
            return .issuerAndSerialNumber(
                issuerDER: children[0].encoded, serialNumber: try children[1].integerContentBytes("\(context) serial"))
        }
        if node.hasTag(.contextSpecific, 0) {
            return .subjectKeyIdentifier(try node.segmentBytes(context, depth: 0))
        }
        throw .wrongTag(expected: [0x30, 0x80], found: node.tagValue, context: context)
    }

    /// `SignedAttributes ::= SET SIZE (1..MAX) OF Attribute`, `Attribute ::= SEQUENCE { attrType OID,
    /// attrValues SET OF ANY }`.
    static func attributes(_ node: ASN1Node) throws(LDSError) -> SignedAttributes {
        let context = "signedAttrs"
        var attributes: [CMSAttribute] = []
        var contentType: String?
        var messageDigest: [UInt8]?
        for attribute in try node.children(context) {
            try attribute.require(.sequence, "\(context) attribute")
            let parts = try attribute.children("\(context) attribute")
            guard parts.count == 2 else { throw .unexpectedStructure(context: "\(context): attribute") }
            let oid = try parts[0].oidString("\(context) attrType")
            try parts[1].require(.set, "\(context) attrValues")
            let values = try parts[1].children("\(context) attrValues")
            attributes.append(CMSAttribute(oid: oid, values: values.map(\.encoded)))
            switch oid {
            case ObjectIdentifiers.contentTypeAttribute:
                guard values.count == 1, contentType == nil else {
                    throw .unexpectedStructure(context: "\(context): content-type must have one value")
                }
                contentType = try values[0].oidString("\(context) content-type")
            case ObjectIdentifiers.messageDigestAttribute:
                guard values.count == 1, messageDigest == nil else {
                    throw .unexpectedStructure(context: "\(context): message-digest must have one value")
                }
                messageDigest = try values[0].octetStringBytes("\(context) message-digest")
            default:
                break
            }
        }
        return SignedAttributes(
            encoded: node.encoded, contentType: contentType, messageDigest: messageDigest, attributes: attributes)
    }
}
