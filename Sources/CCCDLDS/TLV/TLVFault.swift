/// Where the BER-TLV structure of a file breaks: the byte offset of the element whose header or value
/// is broken, and why. For diagnostics (`cccd inspect`); parsers throw ``LDSError`` without offsets.
public struct TLVFault: Sendable, Hashable, CustomStringConvertible {
    /// Offset from the start of the file of the broken element's first (tag) byte.
    public let offset: Int
    public let error: LDSError

    public init(offset: Int, error: LDSError) {
        self.offset = offset
        self.error = error
    }

    public var description: String { "at byte offset \(offset): \(error)" }
}
