/// A data object kept as stored: its tag (BER-TLV byte form) and value bytes.
public struct RawDataObject: Sendable, Hashable, Codable {
    /// The tag in BER-TLV byte form, e.g. `0x5F77`.
    public var tag: UInt32
    /// The value bytes.
    public var value: [UInt8]

    public init(tag: UInt32, value: [UInt8]) {
        self.tag = tag
        self.value = value
    }
}
