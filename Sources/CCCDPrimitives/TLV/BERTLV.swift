/// A strict BER-TLV reader/writer for the ISO 7816-4 data objects of secure messaging, GENERAL
/// AUTHENTICATE (tag 7C) and public-key templates (7F49). Tags of at most three bytes and definite
/// lengths of at most three length octets only; anything else is rejected rather than guessed. Headers
/// are decoded by ``BERTLVHeader``, the package's one BER-TLV decoder.
public struct BERTLV: Equatable, Sendable {
    /// Tag bytes as one integer (e.g. 0x87, 0x7F49).
    public let tag: UInt32
    public let value: [UInt8]
    /// The complete encoding (tag, length, value) as it appeared in the input.
    public let encoded: ArraySlice<UInt8>

    public enum ParseError: Error, Equatable, Sendable {
        case truncated
        case invalidLength
        case invalidTag
    }

    /// Parses one TLV starting at `start`; returns it and the index just after it.
    public static func parse(_ bytes: ArraySlice<UInt8>, at start: Int) throws(ParseError) -> (BERTLV, Int) {
        guard start >= bytes.startIndex, start <= bytes.endIndex else { throw .truncated }
        let header: BERTLVHeader
        do {
            header = try BERTLVHeader.decode(bytes[start...], maximumTagBytes: 3, maximumLengthOctets: 3)
        } catch {
            switch error {
            case .truncatedTag, .truncatedLength: throw .truncated
            case .tagTooLong: throw .invalidTag
            case .lengthFieldTooLong: throw .invalidLength
            }
        }
        guard case .definite(let length) = header.length else { throw .invalidLength }
        let valueStart = start + header.headerLength
        guard bytes.endIndex - valueStart >= length else { throw .truncated }
        let end = valueStart + length
        return (BERTLV(tag: header.tag, value: Array(bytes[valueStart..<end]), encoded: bytes[start..<end]), end)
    }

    /// Parses a concatenation of TLVs that must fill `bytes` exactly.
    public static func parseAll(_ bytes: [UInt8]) throws(ParseError) -> [BERTLV] {
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
    public static func encodeLength(_ length: Int) -> [UInt8] {
        switch length {
        case ..<0x80: return [UInt8(length)]
        case ..<0x100: return [0x81, UInt8(length)]
        case ..<0x10000: return [0x82, UInt8(length >> 8), UInt8(length & 0xFF)]
        default: return [0x83, UInt8(truncatingIfNeeded: length >> 16), UInt8((length >> 8) & 0xFF), UInt8(length & 0xFF)]
        }
    }

    /// Encodes tag, length and value.
    public static func encode(tag: UInt32, value: [UInt8]) -> [UInt8] {
        var tagBytes: [UInt8] = []
        var t = tag
        repeat {
            tagBytes.insert(UInt8(t & 0xFF), at: 0)
            t >>= 8
        } while t != 0
        return tagBytes + encodeLength(value.count) + value
    }

    /// The content octets of an INTEGER for a non-negative `value`: big-endian, minimal, with a leading 00
    /// where the top bit would otherwise read as negative (key references, domain-parameter IDs).
    public static func integerContent(_ value: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        var v = value
        repeat {
            bytes.insert(UInt8(v & 0xFF), at: 0)
            v >>= 8
        } while v > 0
        if bytes[0] & 0x80 != 0 { bytes.insert(0, at: 0) }
        return bytes
    }
}
