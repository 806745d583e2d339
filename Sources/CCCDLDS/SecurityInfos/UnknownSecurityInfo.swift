/// A SecurityInfo this library does not interpret (kept raw; ICAO allows discarding them).
public struct UnknownSecurityInfo: Hashable, Sendable {
    public let protocolOID: String
    /// The complete DER/BER encoding of the SecurityInfo SEQUENCE.
    public let encoded: [UInt8]

    public init(protocolOID: String, encoded: [UInt8]) {
        self.protocolOID = protocolOID
        self.encoded = encoded
    }
}
