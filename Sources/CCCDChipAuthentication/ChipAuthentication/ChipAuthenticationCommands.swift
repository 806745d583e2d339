import CCCDProtocols
import CCCDTransport
import SwiftASN1

/// The APDUs of Chip Authentication (ICAO 9303-11 §6.2.4).
public enum ChipAuthenticationCommands {
    /// MSE:Set KAT (3DES): `00 22 41 A6 { 91 PK_IFD [84 keyID] }`.
    public static func mseSetKAT(ephemeralPublicKey: [UInt8], keyID: Int?) throws(APDUError) -> CommandAPDU {
        let data = CommandDataObjects.encode { coder in
            coder.appendPrimitiveNode(identifier: CommandDataObjects.contextTag(0x11)) {
                $0.append(contentsOf: ephemeralPublicKey)
            }
            try keyReference(keyID, into: &coder)
        }
        return try CommandAPDU(cla: 0x00, ins: 0x22, p1: 0x41, p2: 0xA6, data: data)
    }

    /// MSE:Set AT (AES): `00 22 41 A4 { 80 OID [84 keyID] }`.
    public static func mseSetAT(protocolOID: String, keyID: Int?) throws(APDUError) -> CommandAPDU {
        let data = CommandDataObjects.encode { coder in
            // An OID that does not parse goes out empty (`80 00`): the chip refuses it.
            if let oid = try? ASN1ObjectIdentifier(dotRepresentation: protocolOID) {
                try oid.serialize(into: &coder, withIdentifier: CommandDataObjects.contextTag(0))
            } else {
                coder.appendPrimitiveNode(identifier: CommandDataObjects.contextTag(0)) { _ in }
            }
            try keyReference(keyID, into: &coder)
        }
        return try CommandAPDU(cla: 0x00, ins: 0x22, p1: 0x41, p2: 0xA4, data: data)
    }

    /// GENERAL AUTHENTICATE: `00 86 00 00 { 7C { 80 PK_IFD } } 00`.
    public static func generalAuthenticate(ephemeralPublicKey: [UInt8]) throws(APDUError) -> CommandAPDU {
        let data = CommandDataObjects.encode { coder in
            coder.appendConstructedNode(identifier: CommandDataObjects.dynamicAuthenticationData) { inner in
                inner.appendPrimitiveNode(identifier: CommandDataObjects.contextTag(0)) {
                    $0.append(contentsOf: ephemeralPublicKey)
                }
            }
        }
        return try CommandAPDU(cla: 0x00, ins: 0x86, p1: 0x00, p2: 0x00, data: data, ne: CommandAPDU.maxShortNe)
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

    /// `84 keyID` when the key has an ID: an INTEGER's content octets under tag [4].
    static func keyReference(_ keyID: Int?, into coder: inout DER.Serializer) throws {
        guard let keyID else { return }
        try keyID.serialize(into: &coder, withIdentifier: CommandDataObjects.contextTag(4))
    }
}
