/// The encoded face image inside a DG2 file, found with the least possible parsing: the first CBEFF
/// biometric data block (tag 5F2E or 7F2E) is located by its BER-TLV header, and the image starts at
/// the first JPEG, JP2 or J2K signature inside it (after the ISO/IEC 19794-5 headers). Bytes that are
/// already a bare image are returned unchanged. The lenient fallback: `cccd` (--live, match) and the
/// daemon (face compare) try CCCDLDS's `DG2Parser.primaryImage` first, which also reads ISO/IEC 39794-5
/// DG2s (their image is followed by ASN.1 metadata inside the block, which this search would keep).
public func extractFaceImage(fromDG2OrImage bytes: [UInt8]) -> [UInt8]? {
    let signatures: [[UInt8]] = [
        [0xFF, 0xD8, 0xFF],                                                          // JPEG
        [0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20, 0x0D, 0x0A, 0x87, 0x0A],    // JP2
        [0xFF, 0x4F, 0xFF, 0x51],                                                    // J2K codestream
        [0x89, 0x50, 0x4E, 0x47],                                                    // PNG (live photos)
    ]
    func signature(at index: Int, within end: Int) -> Bool {
        signatures.contains { s in index + s.count <= end && Array(bytes[index..<(index + s.count)]) == s }
    }
    if signature(at: 0, within: bytes.count) { return bytes }

    // Narrow the search to the biometric data block when its TLV header is found.
    var range = 0..<bytes.count
    for i in 0..<max(0, bytes.count - 3) where (bytes[i] == 0x5F || bytes[i] == 0x7F) && bytes[i + 1] == 0x2E {
        var at = i + 2
        var length = Int(bytes[at])
        at += 1
        if length & 0x80 != 0 {
            let count = length & 0x7F
            guard count >= 1, count <= 4, at + count <= bytes.count else { continue }
            length = bytes[at..<(at + count)].reduce(0) { $0 << 8 | Int($1) }
            at += count
        }
        if at + length <= bytes.count {
            range = at..<(at + length)
            break
        }
    }
    for index in range where signature(at: index, within: range.upperBound) {
        return Array(bytes[index..<range.upperBound])
    }
    return nil
}
