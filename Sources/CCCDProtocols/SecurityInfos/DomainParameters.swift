import CCCDCrypto
import CCCDLDS
import SwiftASN1

/// The group of a key agreement: an elliptic curve or a finite-field DH group.
public enum DomainParameters: Sendable {
    case ec(ECGroup)
    case dh(DHGroup)

    /// Standardized domain parameters by ID (ICAO 9303-11 Table 12).
    public init(standardizedID id: Int) throws(SecurityInfoError) {
        guard let parameters = StandardizedDomainParameters(rawValue: id) else {
            throw .unsupportedDomainParameters("no standardized parameters with ID \(id)")
        }
        do {
            self = try parameters.domainParameters()
        } catch {
            throw .unsupportedDomainParameters("\(error)")
        }
    }

    /// From an AlgorithmIdentifier: standardizedDomainParameters (INTEGER ID), ecPublicKey with
    /// explicit ECParameters or a named curve, dhpublicnumber (X9.42) or dhKeyAgreement (PKCS#3).
    public init(algorithmIdentifier: AlgorithmIdentifier) throws(SecurityInfoError) {
        guard let parameterBytes = algorithmIdentifier.parameters else {
            throw .unsupportedDomainParameters("AlgorithmIdentifier without parameters")
        }
        do {
            let node = try BER.parse(parameterBytes)
            switch algorithmIdentifier.oid {
            case SecurityInfoOID.standardizedDomainParameters:
                self = try DomainParameters(standardizedID: ASN1Reading.int(node))
            case SecurityInfoOID.ecPublicKey:
                self = .ec(try Self.ecGroup(node))
            case SecurityInfoOID.dhPublicNumber, SecurityInfoOID.dhKeyAgreement:
                let fields = try ASN1Reading.children(node, .sequence)
                guard fields.count >= 2 else { throw SecurityInfoError.malformed("DH parameters size") }
                let p = try ASN1Reading.unsignedInteger(fields[0])
                let g = try ASN1Reading.unsignedInteger(fields[1])
                // X9.42 DomainParameters carry q third; PKCS#3 has an optional privateValueLength.
                let q = algorithmIdentifier.oid == SecurityInfoOID.dhPublicNumber && fields.count >= 3
                    ? try ASN1Reading.unsignedInteger(fields[2]) : nil
                self = .dh(DHGroup(p: p, g: g, q: q))
            default:
                throw SecurityInfoError.unsupportedDomainParameters("algorithm \(algorithmIdentifier.oid)")
            }
        } catch let error as SecurityInfoError {
            throw error
        } catch {
            throw .unsupportedDomainParameters("\(error)")
        }
    }

    /// ECParameters (X9.62, explicit prime curve) or a namedCurve OID.
    private static func ecGroup(_ node: ASN1Node) throws -> ECGroup {
        if node.identifier == .objectIdentifier {
            let oid = try ASN1Reading.oid(node)
            guard let curve = StandardCurve(oid: oid) else {
                throw SecurityInfoError.unsupportedDomainParameters("named curve \(oid)")
            }
            return try ECGroup(curve: curve)
        }
        let fields = try ASN1Reading.children(node, .sequence)
        guard fields.count >= 5 else { throw SecurityInfoError.malformed("ECParameters size") }
        let fieldID = try ASN1Reading.children(fields[1], .sequence)
        guard fieldID.count == 2, try ASN1Reading.oid(fieldID[0]) == SecurityInfoOID.primeField else {
            throw SecurityInfoError.unsupportedDomainParameters("only prime-field curves are supported")
        }
        let p = try ASN1Reading.unsignedInteger(fieldID[1])
        let curve = try ASN1Reading.children(fields[2], .sequence)
        guard curve.count >= 2 else { throw SecurityInfoError.malformed("Curve size") }
        let a = try ASN1Reading.octetString(curve[0])
        let b = try ASN1Reading.octetString(curve[1])
        let base = try ASN1Reading.octetString(fields[3])
        let order = try ASN1Reading.unsignedInteger(fields[4])
        let cofactor = fields.count >= 6 ? try ASN1Reading.unsignedInteger(fields[5]) : nil
        return try ECGroup(prime: p, a: a, b: b, generator: base, order: order, cofactor: cofactor)
    }
}

extension StandardCurve {
    /// The curve named by a namedCurve OID (SEC 2 / RFC 5639), nil when unknown.
    public init?(oid: String) {
        switch oid {
        case "1.2.840.10045.3.1.1": self = .p192
        case "1.3.132.0.33": self = .p224
        case "1.2.840.10045.3.1.7": self = .p256
        case "1.3.132.0.34": self = .p384
        case "1.3.132.0.35": self = .p521
        case "1.3.36.3.3.2.8.1.1.3": self = .brainpoolP192r1
        case "1.3.36.3.3.2.8.1.1.5": self = .brainpoolP224r1
        case "1.3.36.3.3.2.8.1.1.7": self = .brainpoolP256r1
        case "1.3.36.3.3.2.8.1.1.9": self = .brainpoolP320r1
        case "1.3.36.3.3.2.8.1.1.11": self = .brainpoolP384r1
        case "1.3.36.3.3.2.8.1.1.13": self = .brainpoolP512r1
        default: return nil
        }
    }
}
