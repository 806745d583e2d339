/// A strict BER-TLV reader/writer for the ISO 7816-4 data objects of secure messaging, GENERAL
/// AUTHENTICATE (tag 7C) and public-key templates (7F49). Definite lengths of at most three
/// length octets only; anything else is rejected rather than guessed.
struct BERTLV: Equatable {
    /// Tag bytes as one integer (e.g. 0x87, 0x7F49).
    let tag: UInt32
    let value: [UInt8]
    /// The complete encoding (tag, length, value) as it appeared in the input.
    let encoded: ArraySlice<UInt8>

    enum ParseError: Error, Equatable {
        case truncated
        case invalidLength
        case invalidTag
    }

    /// Parses one TLV starting at `start`; returns it and the index just after it.
    static func parse(_ bytes: ArraySlice<UInt8>, at start: Int) throws(ParseError) -> (BERTLV, Int) {
        var i = start
        guard i < bytes.endIndex else { throw .truncated }
        var tag = UInt32(bytes[i])
        if bytes[i] & 0x1F == 0x1F {
            // Multi-byte tag: subsequent bytes while bit 8 is set, at most 3 bytes in all.
            repeat {
                i += 1
                guard i < bytes.endIndex else { throw .truncated }
                guard tag <= 0xFFFF else { throw .invalidTag }
                tag = tag << 8 | UInt32(bytes[i])
            } while bytes[i] & 0x80 != 0
        }
        i += 1
        guard i < bytes.endIndex else { throw .truncated }
        let first = bytes[i]
        i += 1
        var length = 0
        if first < 0x80 {
            length = Int(first)
        } else {
            let count = Int(first & 0x7F)
            guard (1...3).contains(count) else { throw .invalidLength }
            guard bytes.endIndex - i >= count else { throw .truncated }
            for _ in 0..<count {
                length = length << 8 | Int(bytes[i])
                i += 1
            }
        }
        guard bytes.endIndex - i >= length else { throw .truncated }
        let value = Array(bytes[i..<(i + length)])
        return (BERTLV(tag: tag, value: value, encoded: bytes[start..<(i + length)]), i + length)
    }

    /// Parses a concatenation of TLVs that must fill `bytes` exactly.
    static func parseAll(_ bytes: [UInt8]) throws(ParseError) -> [BERTLV] {
        let slice = bytes[...]
        var out: [BERTLV] = []
        var i = slice.startIndex
        while i < slice.endIndex {
            let (tlv, next) = try parse(slice, at: i)
            out.append(tlv)
            i = next
        }
        return out
    }

    /// Encodes a length field (short form below 128, else 81/82/83).
    static func encodeLength(_ length: Int) -> [UInt8] {
        switch length {
        case ..<0x80: return [UInt8(length)]
        case ..<0x100: return [0x81, UInt8(length)]
        case ..<0x10000: return [0x82, UInt8(length >> 8), UInt8(length & 0xFF)]
        default: return [0x83, UInt8(truncatingIfNeeded: length >> 16), UInt8((length >> 8) & 0xFF), UInt8(length & 0xFF)]
        }
    }

    /// Encodes tag, length and value.
    static func encode(tag: UInt32, value: [UInt8]) -> [UInt8] {
        var tagBytes: [UInt8] = []
        var t = tag
        repeat {
            tagBytes.insert(UInt8(t & 0xFF), at: 0)
            t >>= 8
        } while t != 0
        return tagBytes + encodeLength(value.count) + value
    }
}
