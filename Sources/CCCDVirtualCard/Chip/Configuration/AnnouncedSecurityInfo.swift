/// A SecurityInfo that EF.CardAccess announces besides the PACEInfos, as SEQUENCE { OID, version }
/// (e.g. TerminalAuthenticationInfo, ChipAuthenticationInfo on CCCDs). The chip does not run these
/// protocols here; it only lists them as real cards do.
public struct AnnouncedSecurityInfo: Sendable, Codable, Equatable, Hashable {
    /// Dotted OID.
    public var oid: String
    public var version: Int

    public init(oid: String, version: Int) {
        self.oid = oid
        self.version = version
    }

    /// TerminalAuthenticationInfo, id-TA, version 1.
    public static let terminalAuthentication = AnnouncedSecurityInfo(oid: "0.4.0.127.0.7.2.2.2", version: 1)
    /// ChipAuthenticationInfo, id-CA-ECDH-AES-CBC-CMAC-128, version 1.
    public static let chipAuthenticationECDHAES128 = AnnouncedSecurityInfo(oid: "0.4.0.127.0.7.2.2.3.2.2", version: 1)
}
