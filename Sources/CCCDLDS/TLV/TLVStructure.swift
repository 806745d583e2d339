/// Walks the BER-TLV structure of a file (its first element and every constructed element inside,
/// with the module's own header decoding) to find where it breaks.
public enum TLVStructure {
    /// Nesting followed at most; eMRTD files nest fewer than 15 levels.
    static let depthLimit = 32

    /// The first broken element of `bytes`, or `nil` when every constructed element holds well-formed
    /// elements up to the first element's end (bytes after it are padding, as for the parsers). An
    /// element with an indefinite length (BER) is not descended into.
    public static func firstFault(in bytes: [UInt8]) -> TLVFault? {
        walk(bytes[...], depth: 0, onlyFirst: true)
    }

    private static func walk(_ bytes: ArraySlice<UInt8>, depth: Int, onlyFirst: Bool) -> TLVFault? {
        var rest = bytes
        if rest.isEmpty && onlyFirst { return TLVFault(offset: 0, error: .truncated(context: "empty file")) }
        while !rest.isEmpty {
            let offset = rest.startIndex
            let header: RawTLVHeader
            do {
                header = try RawTLVHeader.decode(rest, context: "element")
            } catch {
                return TLVFault(offset: offset, error: error)
            }
            guard case .definite(let length) = header.length else { return nil }
            let valueStart = offset + header.headerLength
            guard rest.endIndex - valueStart >= length else {
                let digits = String(header.tag, radix: 16, uppercase: true)
                let tag = digits.count % 2 == 1 ? "0" + digits : digits
                let present = rest.endIndex - valueStart
                return TLVFault(
                    offset: offset,
                    error: .truncated(context: "tag \(tag) declares \(length) value bytes, \(present) present"))
            }
            let value = rest[valueStart..<(valueStart + length)]
            if header.isConstructed, depth < depthLimit, let fault = walk(value, depth: depth + 1, onlyFirst: false) {
                return fault
            }
            if onlyFirst { return nil }
            rest = rest[(valueStart + length)...]
        }
        return nil
    }
}
