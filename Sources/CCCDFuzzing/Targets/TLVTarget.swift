import CCCDLDS

/// BER-TLV headers as the file reader sees them: `TLVHeader.decode` and `fileLength(fromPrefix:)`,
/// applied recursively to every constructed element that fits in the input.
enum TLVTarget {
    static let maximumDepth = 32

    static func run(_ bytes: [UInt8]) throws(FuzzInvariantViolation) -> FuzzOutcome {
        // fileLength(fromPrefix:) must agree with decode on every prefix: nil exactly while the
        // header is incomplete, the same total once it is complete.
        let full: TLVHeader
        do {
            full = try TLVHeader.decode(bytes)
        } catch {
            if case .truncated = error {
                try Invariant.check(
                    (try? TLVHeader.fileLength(fromPrefix: bytes)) == .some(nil), .tlv,
                    "fileLength(fromPrefix:) disagrees with decode on a truncated header")
            }
            return .rejected
        }
        try Invariant.check(
            (1...TLVHeader.maximumLength).contains(full.headerLength), .tlv, "header length \(full.headerLength)")
        try Invariant.check(full.valueLength >= 0 && full.valueLength <= LDSLimits.maximumFileSize, .tlv,
                            "value length \(full.valueLength) outside 0…maximumFileSize")
        for cut in 0...min(bytes.count, full.headerLength) {
            let expected: Int? = cut < full.headerLength ? nil : full.totalLength
            let got = try? TLVHeader.fileLength(fromPrefix: Array(bytes[..<cut]))
            try Invariant.check(got == .some(expected), .tlv, "fileLength(fromPrefix:) of a \(cut)-byte prefix")
        }
        try walk(bytes[...], depth: 0)
        return .accepted
    }

    /// Decodes consecutive elements, descending into constructed ones; every element must lie
    /// inside its parent.
    private static func walk(_ bytes: ArraySlice<UInt8>, depth: Int) throws(FuzzInvariantViolation) {
        guard depth < maximumDepth else { return }
        var rest = bytes
        while !rest.isEmpty {
            guard let header = try? TLVHeader.decode(rest) else { return }
            try Invariant.check(header.headerLength <= rest.count, .tlv, "header longer than its input")
            guard header.totalLength <= rest.count else { return }
            let valueStart = rest.startIndex + header.headerLength
            let value = rest[valueStart..<(valueStart + header.valueLength)]
            if header.isConstructed { try walk(value, depth: depth + 1) }
            rest = rest[(valueStart + header.valueLength)...]
        }
    }
}
