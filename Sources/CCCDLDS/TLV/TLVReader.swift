/// Reads consecutive BER-TLV elements from a buffer, one level at a time (no recursion: callers
/// descend explicitly into the templates they know, so the depth is bounded by the code).
struct TLVReader {
    private(set) var remaining: ArraySlice<UInt8>
    let context: String

    init(_ bytes: ArraySlice<UInt8>, context: String) {
        self.remaining = bytes
        self.context = context
    }

    /// The next element, or `nil` at the end of the buffer.
    mutating func next() throws(LDSError) -> TLVElement? {
        guard !remaining.isEmpty else { return nil }
        let header = try RawTLVHeader.decode(remaining, context: context)
        guard case .definite(let length) = header.length else {
            throw .invalidEncoding(context: "\(context): indefinite length is not allowed in LDS BER-TLV")
        }
        let valueStart = remaining.startIndex + header.headerLength
        guard remaining.endIndex - valueStart >= length else {
            throw .truncated(context: "\(context): value of tag \(String(header.tag, radix: 16))")
        }
        let valueEnd = valueStart + length
        let element = TLVElement(
            tag: header.tag, isConstructed: header.isConstructed,
            value: remaining[valueStart..<valueEnd], encoded: remaining[remaining.startIndex..<valueEnd])
        remaining = remaining[valueEnd...]
        return element
    }

    /// All elements of `bytes` at one level.
    static func elements(in bytes: ArraySlice<UInt8>, context: String) throws(LDSError) -> [TLVElement] {
        var reader = TLVReader(bytes, context: context)
        var result: [TLVElement] = []
        while let element = try reader.next() {
            guard result.count < LDSLimits.maximumElementsPerLevel else {
                throw .tooLarge(context: "\(context): more than \(LDSLimits.maximumElementsPerLevel) elements")
            }
            result.append(element)
        }
        return result
    }

    /// Reads the single top-level element of an LDS file and checks its tag.
    ///
    /// Bytes after the element are ignored: some chips pad files (their content is covered by the
    /// hash in EF.SOD only up to the declared length anyway).
    static func file(_ bytes: ArraySlice<UInt8>, tag expected: UInt32, context: String) throws(LDSError)
        -> TLVElement
    {
        guard bytes.count <= LDSLimits.maximumFileSize + TLVHeader.maximumLength else {
            throw .tooLarge(context: "\(context): \(bytes.count) bytes")
        }
        var reader = TLVReader(bytes, context: context)
        guard let element = try reader.next() else { throw .truncated(context: context) }
        guard element.tag == expected else {
            throw .wrongTag(expected: [expected], found: element.tag, context: context)
        }
        return element
    }
}
