import CCCDTransport
import SwiftASN1

/// The APDUs of Chip Authentication (ICAO 9303-11 §6.2.4).
public enum ChipAuthenticationCommands {
    /// MSE:Set KAT (3DES): `00 22 41 A6 { 91 PK_IFD [84 keyID] }`.
    public static func mseSetKAT(ephemeralPublicKey: [UInt8], keyID: Int?) throws(APDUError) -> CommandAPDU {
        var data = tlv(0x91, ephemeralPublicKey)
        if let keyID { data += tlv(0x84, integerBytes(keyID)) }
        return try CommandAPDU(cla: 0x00, ins: 0x22, p1: 0x41, p2: 0xA6, data: data)
    }

    /// MSE:Set AT (AES): `00 22 41 A4 { 80 OID [84 keyID] }`.
    public static func mseSetAT(protocolOID: String, keyID: Int?) throws(APDUError) -> CommandAPDU {
        var data = tlv(0x80, oidContent(protocolOID))
        if let keyID { data += tlv(0x84, integerBytes(keyID)) }
        return try CommandAPDU(cla: 0x00, ins: 0x22, p1: 0x41, p2: 0xA4, data: data)
    }

    /// GENERAL AUTHENTICATE: `00 86 00 00 { 7C { 80 PK_IFD } } 00`.
    public static func generalAuthenticate(ephemeralPublicKey: [UInt8]) throws(APDUError) -> CommandAPDU {
        try CommandAPDU(
            cla: 0x00, ins: 0x86, p1: 0x00, p2: 0x00, data: tlv(0x7C, tlv(0x80, ephemeralPublicKey)),
            ne: CommandAPDU.maxShortNe)
    }

    /// READ BINARY of the first byte of the file with short identifier `sfi`: the proof that the
    /// chip knows the new keys.
    public static func proofRead(sfi: UInt8) throws(APDUError) -> CommandAPDU {
        try CommandAPDU(cla: 0x00, ins: 0xB0, p1: 0x80 | (sfi & 0x1F), p2: 0x00, ne: 1)
    }

    /// The same proof for a card that refuses short file identifiers: SELECT the EF by file
    /// identifier (no response data), then READ BINARY of its first byte.
    public static func proofReadBySelect(fileID: UInt16) throws(APDUError) -> [CommandAPDU] {
        [
            try CommandAPDU(cla: 0x00, ins: 0xA4, p1: 0x02, p2: 0x0C, data: [UInt8(fileID >> 8), UInt8(fileID & 0xFF)]),
            try CommandAPDU(cla: 0x00, ins: 0xB0, p1: 0x00, p2: 0x00, ne: 1),
        ]
    }

    /// The content octets of an OBJECT IDENTIFIER (DER through swift-asn1, tag and length dropped).
    static func oidContent(_ oid: String) -> [UInt8] {
        guard let identifier = try? ASN1ObjectIdentifier(dotRepresentation: oid) else { return [] }
        var serializer = DER.Serializer()
        guard (try? serializer.serialize(identifier)) != nil, serializer.serializedBytes.count >= 2 else { return [] }
        return Array(serializer.serializedBytes.dropFirst(2))
    }

    /// A BER-TLV with a one-byte tag and DER length.
    static func tlv(_ tag: UInt8, _ value: [UInt8]) -> [UInt8] {
        [tag] + length(value.count) + value
    }

    static func length(_ count: Int) -> [UInt8] {
        if count < 0x80 { return [UInt8(count)] }
        if count <= 0xFF { return [0x81, UInt8(count)] }
        return [0x82, UInt8(count >> 8), UInt8(count & 0xFF)]
    }

    static func integerBytes(_ value: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        var remaining = value
        repeat {
            bytes.insert(UInt8(remaining & 0xFF), at: 0)
            remaining >>= 8
        } while remaining > 0
        if bytes[0] & 0x80 != 0 { bytes.insert(0, at: 0) }
        return bytes
    }
}
