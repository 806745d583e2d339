import SwiftASN1

/// Parses a DER SubjectPublicKeyInfo (RFC 5280) into a ``PublicKeyInfo``.
public enum PublicKeyInfoParser {
    /// Parses the DER of a SubjectPublicKeyInfo.
    public static func parse(subjectPublicKeyInfo bytes: [UInt8]) throws(LDSError) -> PublicKeyInfo {
        let node = try ASN1Parsing.parse(bytes[...], rules: .der, context: "SubjectPublicKeyInfo")
        return try parse(node: node)
    }

    static func parse(node: ASN1Node) throws(LDSError) -> PublicKeyInfo {
        let context = "SubjectPublicKeyInfo"
        try node.require(.sequence, context)
        let children = try node.children(context)
        guard children.count == 2 else {
            throw .unexpectedStructure(context: "\(context): expected algorithm and key")
        }
        let algorithm = try AlgorithmIdentifier(node: children[0], context: "\(context) algorithm")
        let keyBits = try children[1].bitStringBytes("\(context) subjectPublicKey")
        let key: PublicKey
        switch algorithm.oid {
        case ObjectIdentifiers.rsaEncryption:
            key = .rsa(try rsaKey(keyBits))
        case ObjectIdentifiers.ecPublicKey:
            let parameters = try ecParameters(children[0])
            guard !keyBits.isEmpty else { throw .invalidValue(context: "\(context): empty EC point") }
            key = .ec(ECPublicKey(parameters: parameters, point: keyBits))
        default:
            key = .other(subjectPublicKey: keyBits)
        }
        return PublicKeyInfo(algorithm: algorithm, key: key, subjectPublicKeyInfoDER: node.encoded)
    }

    /// `RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }`.
    static func rsaKey(_ bytes: [UInt8]) throws(LDSError) -> RSAPublicKey {
        let context = "RSAPublicKey"
        let node = try ASN1Parsing.parse(bytes[...], rules: .der, context: context)
        try node.require(.sequence, context)
        let children = try node.children(context)
        guard children.count == 2 else { throw .unexpectedStructure(context: "\(context): expected 2 integers") }
        let modulus = try children[0].unsignedIntegerBytes("\(context) modulus", toleratingMissingSignOctet: true)
        let exponent = try children[1].unsignedIntegerBytes("\(context) exponent", toleratingMissingSignOctet: true)
        guard modulus != [0], exponent != [0] else { throw .invalidValue(context: "\(context): zero") }
        return RSAPublicKey(modulus: modulus, publicExponent: exponent)
    }

    /// The parameters element of an id-ecPublicKey AlgorithmIdentifier.
    static func ecParameters(_ algorithm: ASN1Node) throws(LDSError) -> ECParameters {
        let context = "EC parameters"
        let children = try algorithm.children(context)
        guard children.count == 2 else { throw .unexpectedStructure(context: "\(context): missing") }
        let parameters = children[1]
        if parameters.identifier == .objectIdentifier {
            return .namedCurve(oid: try parameters.oidString(context))
        }
        if parameters.identifier == .null { return .implicitlyCA }
        return .explicit(try explicitParameters(parameters))
    }

    /// `ECParameters ::= SEQUENCE { version, fieldID { fieldType, parameters }, curve { a, b, seed? },
    /// base, order, cofactor? }` (X9.62).
    static func explicitParameters(_ node: ASN1Node) throws(LDSError) -> ExplicitECParameters {
        let context = "explicit EC parameters"
        try node.require(.sequence, context)
        let children = try node.children(context)
        guard (5...6).contains(children.count) else {
            throw .unexpectedStructure(context: "\(context): expected 5 or 6 elements")
        }
        let version = try children[0].intValue("\(context) version")
        try children[1].require(.sequence, "\(context) fieldID")
        let field = try children[1].children("\(context) fieldID")
        guard field.count == 2 else { throw .unexpectedStructure(context: "\(context) fieldID") }
        let fieldType = try field[0].oidString("\(context) fieldType")
        let prime =
            fieldType == ObjectIdentifiers.primeField ? try field[1].unsignedIntegerBytes("\(context) prime") : []
        try children[2].require(.sequence, "\(context) curve")
        let curve = try children[2].children("\(context) curve")
        guard (2...3).contains(curve.count) else { throw .unexpectedStructure(context: "\(context) curve") }
        let a = try curve[0].octetStringBytes("\(context) a")
        let b = try curve[1].octetStringBytes("\(context) b")
        let generator = try children[3].octetStringBytes("\(context) base")
        let order = try children[4].unsignedIntegerBytes("\(context) order")
        let cofactor = children.count == 6 ? try children[5].unsignedIntegerBytes("\(context) cofactor") : nil
        return ExplicitECParameters(
            version: version, fieldType: fieldType, prime: prime, a: a, b: b, generator: generator, order: order,
            cofactor: cofactor, der: node.encoded)
    }
}
