/// An elliptic-curve public key.
public struct ECPublicKey: Sendable, Hashable, Codable {
    /// The curve: named by OID, or given with explicit parameters (as eMRTD keys often are).
    public var parameters: ECParameters
    /// The public point as encoded (usually uncompressed `04 || X || Y`).
    public var point: [UInt8]

    public init(parameters: ECParameters, point: [UInt8]) {
        self.parameters = parameters
        self.point = point
    }
}
