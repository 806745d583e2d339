import SwiftASN1

/// Parses a CMS ContentInfo holding SignedData (BER allowed, as CMS permits).
public enum SignedDataParser {
    /// Parses a ContentInfo (`30 …`), e.g. the whole of EF.CardSecurity.
    public static func parse(contentInfo bytes: [UInt8]) throws(LDSError) -> SignedData {
        let node = try ASN1Parsing.parseFile(bytes[...], tag: 0x30, rules: .ber, context: "ContentInfo")
        return try parse(contentInfo: node)
    }

    /// `ContentInfo ::= SEQUENCE { contentType OID, content [0] EXPLICIT ANY }`.
    static func parse(contentInfo node: ASN1Node) throws(LDSError) -> SignedData {
        let context = "ContentInfo"
        try node.require(.sequence, context)
        let children = try node.children(context)
        guard children.count == 2 else { throw .unexpectedStructure(context: "\(context): expected 2 elements") }
        let contentType = try children[0].oidString("\(context) contentType")
        guard contentType == ObjectIdentifiers.signedData else {
            throw .invalidValue(context: "\(context): content type \(contentType) is not signedData")
        }
        let wrapper = children[1]
        guard wrapper.hasTag(.contextSpecific, 0), wrapper.isConstructed else {
            throw .wrongTag(expected: [0xA0], found: wrapper.tagValue, context: "\(context) content")
        }
        let inner = try wrapper.children("\(context) content")
        guard inner.count == 1, let signedData = inner.first else {
            throw .unexpectedStructure(context: "\(context): [0] must hold one SignedData")
        }
        return try parse(signedData: signedData)
    }

    /// `SignedData ::= SEQUENCE { version, digestAlgorithms SET, encapContentInfo,
    /// certificates [0] IMPLICIT OPTIONAL, crls [1] IMPLICIT OPTIONAL, signerInfos SET }`.
    static func parse(signedData node: ASN1Node) throws(LDSError) -> SignedData {
        let context = "SignedData"
        try node.require(.sequence, context)
        let children = try node.children(context)
        guard children.count >= 4 else { throw .unexpectedStructure(context: "\(context): too few elements") }
        let version = try children[0].intValue("\(context) version")

        try children[1].require(.set, "\(context) digestAlgorithms")
        var digestAlgorithms: [AlgorithmIdentifier] = []
        for algorithm in try children[1].children("\(context) digestAlgorithms") {
            digestAlgorithms.append(try AlgorithmIdentifier(node: algorithm, context: "\(context) digestAlgorithm"))
        }

        let (contentType, content) = try encapsulatedContentInfo(children[2])

        var certificates: [[UInt8]] = []
        var crls: [[UInt8]] = []
        var position = 3
        if position < children.count, children[position].hasTag(.contextSpecific, 0) {
            certificates = try children[position].children("\(context) certificates").map(\.encoded)
            position += 1
        }
        if position < children.count, children[position].hasTag(.contextSpecific, 1) {
            crls = try children[position].children("\(context) crls").map(\.encoded)
            position += 1
        }
        guard position == children.count - 1 else {
            throw .unexpectedStructure(context: "\(context): unexpected elements before signerInfos")
        }
        let signerSet = children[position]
        try signerSet.require(.set, "\(context) signerInfos")
        var signerInfos: [SignerInfo] = []
        for signer in try signerSet.children("\(context) signerInfos") {
            signerInfos.append(try SignerInfoParser.parse(signer))
        }
        return SignedData(
            version: version, digestAlgorithms: digestAlgorithms, encapsulatedContentType: contentType,
            encapsulatedContent: content, certificates: certificates, crls: crls, signerInfos: signerInfos)
    }

    /// `EncapsulatedContentInfo ::= SEQUENCE { eContentType OID, eContent [0] EXPLICIT OCTET STRING OPTIONAL }`.
    static func encapsulatedContentInfo(_ node: ASN1Node) throws(LDSError) -> (String, [UInt8]?) {
        let context = "EncapsulatedContentInfo"
        try node.require(.sequence, context)
        let children = try node.children(context)
        guard (1...2).contains(children.count) else {
            throw .unexpectedStructure(context: "\(context): expected 1 or 2 elements")
        }
        let type = try children[0].oidString("\(context) eContentType")
        guard children.count == 2 else { return (type, nil) }
        let wrapper = children[1]
        guard wrapper.hasTag(.contextSpecific, 0), wrapper.isConstructed else {
            throw .wrongTag(expected: [0xA0], found: wrapper.tagValue, context: "\(context) eContent")
        }
        let inner = try wrapper.children("\(context) eContent")
        guard inner.count == 1, let octets = inner.first else {
            throw .unexpectedStructure(context: "\(context): eContent must hold one OCTET STRING")
        }
        // BER may split the OCTET STRING into segments; the digest covers the concatenated octets.
        return (type, try octets.octetStringBytes("\(context) eContent"))
    }
}
