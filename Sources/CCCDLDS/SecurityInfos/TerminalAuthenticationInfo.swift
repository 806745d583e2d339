/// TerminalAuthenticationInfo (ICAO 9303-11 §9.2.8).
public struct TerminalAuthenticationInfo: Hashable, Sendable {
    public let protocolOID: String
    public let version: Int
    /// Optional data (TR-03110 v1: the FileID of EF.CVCA), kept as DER.
    public let optionalData: [UInt8]?

    public init(protocolOID: String, version: Int, optionalData: [UInt8]?) {
        self.protocolOID = protocolOID
        self.version = version
        self.optionalData = optionalData
    }
}
