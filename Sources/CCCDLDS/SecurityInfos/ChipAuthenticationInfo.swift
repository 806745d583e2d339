/// ChipAuthenticationInfo (ICAO 9303-11 §9.2.5).
public struct ChipAuthenticationInfo: Hashable, Sendable {
    /// id-CA-(EC)DH-…, e.g. `0.4.0.127.0.7.2.2.3.2.2` (id-CA-ECDH-AES-CBC-CMAC-128).
    public let protocolOID: String
    /// 1 (ICAO) or 2/3 (TR-03110 EAC2).
    public let version: Int
    public let keyID: Int?

    public init(protocolOID: String, version: Int, keyID: Int?) {
        self.protocolOID = protocolOID
        self.version = version
        self.keyID = keyID
    }

    /// True for the ECDH variants (id-CA-ECDH-*), false for DH.
    public var isECDH: Bool { protocolOID.hasPrefix(SecurityInfoOID.idCA + ".2") }

    /// The secure-messaging cipher the protocol establishes, nil when the OID is unknown.
    public var cipher: SecureMessagingCipher? {
        guard let last = protocolOID.split(separator: ".").last else { return nil }
        switch last {
        case "1": return .tripleDES
        case "2": return .aes128
        case "3": return .aes192
        case "4": return .aes256
        default: return nil
        }
    }
}
