/// Reads a `5C` tag list (DG11, DG12): concatenated BER-TLV tags without lengths.
enum TagListParser {
    static func tags(_ bytes: ArraySlice<UInt8>, context: String) throws(LDSError) -> [UInt32] {
        var tags: [UInt32] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            var tag = UInt32(bytes[index])
            let first = bytes[index]
            index += 1
            if first & 0x1F == 0x1F {
                var count = 1
                while true {
                    guard index < bytes.endIndex else { throw .truncated(context: "\(context): tag list") }
                    let next = bytes[index]
                    index += 1
                    count += 1
                    guard count <= 4 else { throw .invalidEncoding(context: "\(context): tag in tag list") }
                    tag = tag << 8 | UInt32(next)
                    if next & 0x80 == 0 { break }
                }
            }
            tags.append(tag)
        }
        return tags
    }
}
