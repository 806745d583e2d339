import SwiftASN1

/// SecurityInfos ::= SET OF SecurityInfo (ICAO 9303-11 §9.2): the content of EF.CardAccess,
/// of the signed content of EF.CardSecurity, and of DG14.
public struct SecurityInfos: Hashable, Sendable {
    public let infos: [SecurityInfo]
    /// Bytes after the SET that were ignored (some test cards carry garbage there).
    public let trailingByteCount: Int

    public init(infos: [SecurityInfo], trailingByteCount: Int = 0) {
        self.infos = infos
        self.trailingByteCount = trailingByteCount
    }

    /// Parses the encoded SET (DER or BER). Bytes after the SET are ignored and counted.
    public init(encoded bytes: [UInt8]) throws(SecurityInfoError) {
        // Find the end of the outer TLV so trailing garbage does not break the parser.
        var setBytes = bytes[...]
        var reader = TLVReader(bytes[...], context: "SecurityInfos")
        if let first = try? reader.next() {
            setBytes = first.encoded
        }
        let root: ASN1Node
        do {
            root = try BER.parse(setBytes)
        } catch {
            throw .malformed("not a BER-encoded structure")
        }
        guard root.identifier == .set, case .constructed(let nodes) = root.content else {
            throw .malformed("not a SET")
        }
        var infos: [SecurityInfo] = []
        for node in nodes {
            infos.append(try Self.parseInfo(node))
        }
        self.init(infos: infos, trailingByteCount: bytes.count - setBytes.count)
    }

    public var paceInfos: [PACEInfo] {
        infos.compactMap { if case .pace(let i) = $0 { return i } else { return nil } }
    }

    public var paceDomainParameterInfos: [PACEDomainParameterInfo] {
        infos.compactMap { if case .paceDomainParameters(let i) = $0 { return i } else { return nil } }
    }

    public var chipAuthenticationInfos: [ChipAuthenticationInfo] {
        infos.compactMap { if case .chipAuthentication(let i) = $0 { return i } else { return nil } }
    }

    public var chipAuthenticationPublicKeyInfos: [ChipAuthenticationPublicKeyInfo] {
        infos.compactMap { if case .chipAuthenticationPublicKey(let i) = $0 { return i } else { return nil } }
    }

    public var terminalAuthenticationInfos: [TerminalAuthenticationInfo] {
        infos.compactMap { if case .terminalAuthentication(let i) = $0 { return i } else { return nil } }
    }

    public var activeAuthenticationInfos: [ActiveAuthenticationInfo] {
        infos.compactMap { if case .activeAuthentication(let i) = $0 { return i } else { return nil } }
    }

    public var unknownInfos: [UnknownSecurityInfo] {
        infos.compactMap { if case .unknown(let i) = $0 { return i } else { return nil } }
    }

    // MARK: Parsing

    static func parseInfo(_ node: ASN1Node) throws(SecurityInfoError) -> SecurityInfo {
        let parts: [ASN1Node]
        let protocolOID: String
        do {
            parts = try ASN1Reading.children(node, .sequence)
            guard parts.count >= 2, parts.count <= 3 else { throw SecurityInfoError.malformed("SecurityInfo size") }
            protocolOID = try ASN1Reading.oid(parts[0])
        } catch {
            throw .malformed("SecurityInfo is not SEQUENCE { OID, required, optional }")
        }
        let optional = parts.count == 3 ? parts[2] : nil
        do {
            return try interpret(protocolOID, required: parts[1], optional: optional, encoded: Array(node.encodedBytes))
        } catch let error as SecurityInfoError {
            throw error
        } catch {
            throw .malformedEntry(oid: protocolOID, reason: "\(error)")
        }
    }

    private static func interpret(_ oid: String, required: ASN1Node, optional: ASN1Node?, encoded: [UInt8]) throws
        -> SecurityInfo
    {
        let arcs = oid.split(separator: ".")
        func under(_ prefix: String, extra: Int) -> Bool {
            oid.hasPrefix(prefix + ".") && arcs.count == prefix.split(separator: ".").count + extra
        }
        if under(SecurityInfoOID.idPACE, extra: 2) {
            return .pace(PACEInfo(
                protocolOID: oid, version: try ASN1Reading.int(required),
                parameterID: try optional.map(ASN1Reading.int)))
        }
        if under(SecurityInfoOID.idPACE, extra: 1) {
            return .paceDomainParameters(PACEDomainParameterInfo(
                protocolOID: oid, domainParameter: try ASN1Reading.algorithmIdentifier(required),
                parameterID: try optional.map(ASN1Reading.int)))
        }
        if under(SecurityInfoOID.idCA, extra: 2) {
            return .chipAuthentication(ChipAuthenticationInfo(
                protocolOID: oid, version: try ASN1Reading.int(required), keyID: try optional.map(ASN1Reading.int)))
        }
        if oid == SecurityInfoOID.idPKDH || oid == SecurityInfoOID.idPKECDH {
            let spki = try ASN1Reading.children(required, .sequence)
            guard spki.count == 2 else { throw SecurityInfoError.malformed("SubjectPublicKeyInfo size") }
            return .chipAuthenticationPublicKey(ChipAuthenticationPublicKeyInfo(
                protocolOID: oid, algorithm: try ASN1Reading.algorithmIdentifier(spki[0]),
                subjectPublicKey: try ASN1Reading.bitString(spki[1]), keyID: try optional.map(ASN1Reading.int)))
        }
        if oid == SecurityInfoOID.idTA {
            return .terminalAuthentication(TerminalAuthenticationInfo(
                protocolOID: oid, version: try ASN1Reading.int(required), optionalData: optional.map { Array($0.encodedBytes) }))
        }
        if oid == SecurityInfoOID.activeAuthentication {
            guard let optional else { throw SecurityInfoError.malformed("signatureAlgorithm missing") }
            return .activeAuthentication(ActiveAuthenticationInfo(
                protocolOID: oid, version: try ASN1Reading.int(required),
                signatureAlgorithmOID: try ASN1Reading.oid(optional)))
        }
        return .unknown(UnknownSecurityInfo(protocolOID: oid, encoded: encoded))
    }
}
