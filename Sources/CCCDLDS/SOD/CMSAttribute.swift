/// One CMS attribute: its type and the DER of each value.
public struct CMSAttribute: Sendable, Hashable, Codable {
    /// The attribute type OID.
    public var oid: String
    /// The DER of each value in the attribute's SET.
    public var values: [[UInt8]]

    public init(oid: String, values: [[UInt8]]) {
        self.oid = oid
        self.values = values
    }
}
