/// Bounds-checked big-endian reads from a byte buffer (for the binary ISO/IEC 19794 records).
struct ByteReader {
    private(set) var remaining: ArraySlice<UInt8>
    let context: String

    init(_ bytes: ArraySlice<UInt8>, context: String) {
        self.remaining = bytes
        self.context = context
    }

    var count: Int { remaining.count }

    mutating func bytes(_ count: Int, _ field: String) throws(LDSError) -> ArraySlice<UInt8> {
        guard count >= 0, remaining.count >= count else { throw .truncated(context: "\(context): \(field)") }
        let result = remaining.prefix(count)
        remaining = remaining.dropFirst(count)
        return result
    }

    mutating func uint8(_ field: String) throws(LDSError) -> UInt8 {
        guard let byte = remaining.first else { throw .truncated(context: "\(context): \(field)") }
        remaining = remaining.dropFirst()
        return byte
    }

    mutating func uint16(_ field: String) throws(LDSError) -> UInt16 {
        let bytes = try bytes(2, field)
        return bytes.reduce(0) { $0 << 8 | UInt16($1) }
    }

    mutating func uint24(_ field: String) throws(LDSError) -> UInt32 {
        let bytes = try bytes(3, field)
        return bytes.reduce(0) { $0 << 8 | UInt32($1) }
    }

    mutating func uint32(_ field: String) throws(LDSError) -> UInt32 {
        let bytes = try bytes(4, field)
        return bytes.reduce(0) { $0 << 8 | UInt32($1) }
    }
}
