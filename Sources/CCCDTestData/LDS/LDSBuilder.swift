import CCCDCrypto
import CCCDLDS
import SwiftASN1

/// Builds the LDS files of a synthetic card as DER, through swift-asn1's serializer.
public enum LDSBuilder {
    static func application(_ number: UInt) -> ASN1Identifier { ASN1Identifier(tagWithNumber: number, tagClass: .application) }
    static func context(_ number: UInt) -> ASN1Identifier { ASN1Identifier(tagWithNumber: number, tagClass: .contextSpecific) }

    static func serialize(_ body: (inout DER.Serializer) throws -> Void) rethrows -> [UInt8] {
        var serializer = DER.Serializer()
        try body(&serializer)
        return serializer.serializedBytes
    }

    static func primitive(_ serializer: inout DER.Serializer, _ identifier: ASN1Identifier, _ bytes: [UInt8]) {
        serializer.appendPrimitiveNode(identifier: identifier) { $0.append(contentsOf: bytes) }
    }

    /// EF.COM: `60 { 5F01 "0107", 5F36 "040000", 5C tag list }`. ICAO writes the LDS version tag
    /// as `5F01`, a two-byte form of tag number 1 that DER (and swift-asn1) would shorten to `41`,
    /// so the first element is appended as raw bytes.
    public static func efCOM(dataGroups: [DataGroup]) throws -> [UInt8] {
        let version: [UInt8] = [0x5F, 0x01, 0x04] + Array("0107".utf8)
        let rest = serialize { s in
            primitive(&s, application(54), Array("040000".utf8))
            primitive(&s, application(28), dataGroups.map(\.ldsTag))
        }
        let body = version + rest
        precondition(body.count < 0x80, "EF.COM stays short")
        return [0x60, UInt8(body.count)] + body
    }

    /// DG1: `61 { 5F1F MRZ }`.
    public static func dg1(mrz: String) throws -> [UInt8] {
        try serialize { s in
            s.appendConstructedNode(identifier: application(1)) { s in
                primitive(&s, application(31), Array(mrz.utf8))
            }
        }
    }

    /// DG2 with one ISO/IEC 19794-5 face record holding `image` (`jp2` says JPEG 2000).
    public static func dg2(image: [UInt8], width: Int, height: Int, jpeg2000: Bool, female: Bool) throws -> [UInt8] {
        var record: [UInt8] = Array("FAC".utf8) + [0] + Array("010".utf8) + [0]
        var block: [UInt8] = be32(32 + image.count) + be16(0)
        // Facial information: gender, eye, hair, feature mask (3), expression (2), pose (3), uncertainty (3).
        block += [female ? 2 : 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]
        // Image information: full frontal, data type, width, height, colour space sRGB, source
        // static photo (scanner), device type, quality.
        block += [1, jpeg2000 ? 1 : 0] + be16(width) + be16(height) + [1, 2] + be16(0) + be16(0)
        block += image
        record += be32(14 + block.count) + be16(1) + block
        return try serialize { s in
            try s.appendConstructedNode(identifier: application(21)) { s in
                try s.appendConstructedNode(identifier: application(97)) { s in
                    primitive(&s, .integer, [1])
                    try s.appendConstructedNode(identifier: application(96)) { s in
                        s.appendConstructedNode(identifier: context(1)) { s in
                            primitive(&s, context(0), [0x01, 0x01])
                            primitive(&s, context(1), [0x02])
                            primitive(&s, context(2), [0x00])
                            primitive(&s, context(7), [0x01, 0x01])
                            primitive(&s, context(8), [0x00, 0x08])
                        }
                        primitive(&s, application(46), record)
                    }
                }
            }
        }
    }

    /// One DG13 field: its index and its value(s).
    public enum CitizenValue: Sendable {
        case printable(String)
        case utf8(String)
        /// Nested SEQUENCEs of UTF8Strings, e.g. index 13 (father, mother) — one SEQUENCE per name.
        case names([String])
        /// No value at all (`30 03 02 01 0E` for an empty spouse).
        case empty
    }

    /// DG13 in the Vietnamese layout:
    /// `6D { SEQUENCE { INTEGER 1, OID 1.0.10646.1.0.8, SET { SEQUENCE { INTEGER index, value } … } } }`.
    public static func dg13(fields: [(Int, CitizenValue)]) throws -> [UInt8] {
        try serialize { s in
            try s.appendConstructedNode(identifier: application(13)) { s in
                try s.appendConstructedNode(identifier: .sequence) { s in
                    try s.serialize(1)
                    try s.serialize(try ASN1ObjectIdentifier(dotRepresentation: ObjectIdentifiers.iso10646UTF8))
                    try s.appendConstructedNode(identifier: .set) { s in
                        for (index, value) in fields {
                            try s.appendConstructedNode(identifier: .sequence) { s in
                                try s.serialize(index)
                                switch value {
                                case .printable(let text): try s.serialize(try ASN1PrintableString(text))
                                case .utf8(let text): try s.serialize(ASN1UTF8String(text))
                                case .names(let names):
                                    for name in names {
                                        try s.appendConstructedNode(identifier: .sequence) { s in
                                            try s.serialize(ASN1UTF8String(name))
                                        }
                                    }
                                case .empty: break
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The SecurityInfos SET of DG14 / EF.CardAccess from pre-encoded SecurityInfo elements.
    public static func securityInfos(_ infos: [[UInt8]]) -> [UInt8] {
        serialize { s in
            s.appendConstructedNode(identifier: .set) { s in
                for info in infos { s.serializeRawBytes(info) }
            }
        }
    }

    /// `SEQUENCE { OID protocol, INTEGER version, INTEGER parameterOrKeyID? }` (PACEInfo,
    /// ChipAuthenticationInfo).
    public static func protocolInfo(oid: String, version: Int, id: Int?) throws -> [UInt8] {
        try serialize { s in
            try s.appendConstructedNode(identifier: .sequence) { s in
                try s.serialize(try ASN1ObjectIdentifier(dotRepresentation: oid))
                try s.serialize(version)
                if let id { try s.serialize(id) }
            }
        }
    }

    /// ChipAuthenticationPublicKeyInfo: `SEQUENCE { OID id-PK-ECDH, SubjectPublicKeyInfo, INTEGER keyID }`.
    public static func chipAuthenticationPublicKeyInfo(subjectPublicKeyInfo: [UInt8], keyID: Int?) throws -> [UInt8] {
        try serialize { s in
            try s.appendConstructedNode(identifier: .sequence) { s in
                try s.serialize(try ASN1ObjectIdentifier(dotRepresentation: "0.4.0.127.0.7.2.2.1.2"))
                s.serializeRawBytes(subjectPublicKeyInfo)
                if let keyID { try s.serialize(keyID) }
            }
        }
    }

    /// ActiveAuthenticationInfo: `SEQUENCE { OID 2.23.136.1.1.5, INTEGER 1, OID signatureAlgorithm }`.
    public static func activeAuthenticationInfo(signatureAlgorithm: String) throws -> [UInt8] {
        try serialize { s in
            try s.appendConstructedNode(identifier: .sequence) { s in
                try s.serialize(try ASN1ObjectIdentifier(dotRepresentation: "2.23.136.1.1.5"))
                try s.serialize(1)
                try s.serialize(try ASN1ObjectIdentifier(dotRepresentation: signatureAlgorithm))
            }
        }
    }

    /// DG14: `6E { SecurityInfos }`.
    public static func dg14(securityInfos: [UInt8]) throws -> [UInt8] {
        try serialize { s in
            s.appendConstructedNode(identifier: application(14)) { s in s.serializeRawBytes(securityInfos) }
        }
    }

    /// DG15: `6F { SubjectPublicKeyInfo }`.
    public static func dg15(subjectPublicKeyInfo: [UInt8]) throws -> [UInt8] {
        try serialize { s in
            s.appendConstructedNode(identifier: application(15)) { s in s.serializeRawBytes(subjectPublicKeyInfo) }
        }
    }

    /// LDSSecurityObject v0: `SEQUENCE { 0, AlgorithmIdentifier, SEQUENCE OF DataGroupHash }`.
    public static func ldsSecurityObject(hashAlgorithmOID: String, hashes: [(Int, [UInt8])]) throws -> [UInt8] {
        try serialize { s in
            try s.appendConstructedNode(identifier: .sequence) { s in
                try s.serialize(0)
                try s.appendConstructedNode(identifier: .sequence) { s in
                    try s.serialize(try ASN1ObjectIdentifier(dotRepresentation: hashAlgorithmOID))
                }
                try s.appendConstructedNode(identifier: .sequence) { s in
                    for (number, hash) in hashes {
                        try s.appendConstructedNode(identifier: .sequence) { s in
                            try s.serialize(number)
                            try s.serialize(ASN1OctetString(contentBytes: ArraySlice(hash)))
                        }
                    }
                }
            }
        }
    }

    /// EF.SOD: `77 { ContentInfo }`.
    public static func efSOD(contentInfo: [UInt8]) throws -> [UInt8] {
        try serialize { s in
            s.appendConstructedNode(identifier: application(23)) { s in s.serializeRawBytes(contentInfo) }
        }
    }

    /// A CSCA master list's content: `SEQUENCE { INTEGER 0, SET OF Certificate }`.
    public static func cscaMasterList(certificates: [[UInt8]]) throws -> [UInt8] {
        try serialize { s in
            try s.appendConstructedNode(identifier: .sequence) { s in
                try s.serialize(0)
                s.appendConstructedNode(identifier: .set) { s in
                    for certificate in certificates.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
                        s.serializeRawBytes(certificate)
                    }
                }
            }
        }
    }

    static func be16(_ v: Int) -> [UInt8] { [UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)] }
    static func be32(_ v: Int) -> [UInt8] {
        [UInt8((v >> 24) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)]
    }
}
