/// A decoded header whose length may be indefinite (BER), used internally.
struct RawTLVHeader: Sendable, Hashable {
    enum Length: Sendable, Hashable {
        case definite(Int)
        case indefinite
    }

    let tag: UInt32
    let isConstructed: Bool
    let headerLength: Int
    let length: Length

    /// Decodes tag and length at the start of `bytes` without touching the value.
    static func decode(_ bytes: ArraySlice<UInt8>, context: String) throws(LDSError) -> RawTLVHeader {
        var index = bytes.startIndex
        guard index < bytes.endIndex else { throw .truncated(context: "\(context): tag") }
        let first = bytes[index]
        index += 1
        // 00 and FF are padding / invalid first tag bytes in ISO/IEC 7816-4.
        guard first != 0x00, first != 0xFF else {
            throw .invalidEncoding(context: "\(context): tag byte \(first == 0 ? "00" : "FF")")
        }
        var tag = UInt32(first)
        if first & 0x1F == 0x1F {
            // Subsequent tag bytes: b8 set means "another byte follows". LDS tags have at most 3 bytes;
            // allow 4 in total so the tag still fits a UInt32.
            var count = 1
            while true {
                guard index < bytes.endIndex else { throw .truncated(context: "\(context): tag") }
                let next = bytes[index]
                index += 1
                count += 1
                guard count <= 4 else { throw .invalidEncoding(context: "\(context): tag longer than 4 bytes") }
                tag = (tag << 8) | UInt32(next)
                if next & 0x80 == 0 { break }
            }
        }
        guard index < bytes.endIndex else { throw .truncated(context: "\(context): length") }
        let lengthByte = bytes[index]
        index += 1
        let length: Length
        switch lengthByte {
        case 0x00...0x7F:
            length = .definite(Int(lengthByte))
        case 0x80:
            length = .indefinite
        default:
            let count = Int(lengthByte & 0x7F)
            guard count <= 4 else {
                throw .tooLarge(context: "\(context): length field of \(count) bytes")
            }
            guard bytes.endIndex - index >= count else { throw .truncated(context: "\(context): length") }
            var value: UInt64 = 0
            for _ in 0..<count {
                value = (value << 8) | UInt64(bytes[index])
                index += 1
            }
            guard value <= UInt64(LDSLimits.maximumFileSize) else {
                throw .tooLarge(context: "\(context): declared length \(value)")
            }
            length = .definite(Int(value))
        }
        return RawTLVHeader(
            tag: tag, isConstructed: first & 0x20 != 0, headerLength: index - bytes.startIndex, length: length)
    }
}
