/// The tag and length of one BER-TLV element (ISO/IEC 7816-4), decoded without touching the value. The one
/// BER-TLV header decoder of the package: the LDS parsers (CCCDLDS) and the secure-messaging and PACE data
/// objects (``BERTLV``) both use it, each with its own limits and error type.
///
/// Tags are kept in their byte form (`0x87`, `0x7F49`, `0x5F1F`): LDS and 7816-4 templates use long-form
/// tags with numbers below 31, which strict ASN.1 (swift-asn1) rejects.
public struct BERTLVHeader: Sendable, Hashable {
    public enum Length: Sendable, Hashable {
        case definite(Int)
        /// `80`: BER's indefinite length (end-of-contents octets follow the value).
        case indefinite
    }

    /// Why a header does not decode.
    public enum DecodeError: Error, Sendable, Hashable {
        /// The input ends inside the tag.
        case truncatedTag
        /// The input ends before or inside the length field.
        case truncatedLength
        /// The tag has more bytes than allowed.
        case tagTooLong
        /// The length field has more octets after `8x` than allowed (`octets` is that number).
        case lengthFieldTooLong(octets: Int)
    }

    /// The tag in its byte form.
    public let tag: UInt32
    /// Whether the constructed bit (b6 of the first tag byte) is set.
    public let isConstructed: Bool
    /// Number of bytes taken by the tag and the length fields.
    public let headerLength: Int
    public let length: Length

    public init(tag: UInt32, isConstructed: Bool, headerLength: Int, length: Length) {
        self.tag = tag
        self.isConstructed = isConstructed
        self.headerLength = headerLength
        self.length = length
    }

    /// Decodes tag and length at the start of `bytes`. A tag may have up to `maximumTagBytes` bytes (at most
    /// 4, so it fits a `UInt32`), a long-form length up to `maximumLengthOctets` octets after its `8x` byte
    /// (at most 7). Checks happen in reading order, so a cut-off input reports the first missing part.
    public static func decode(
        _ bytes: ArraySlice<UInt8>, maximumTagBytes: Int = 4, maximumLengthOctets: Int = 4
    ) throws(DecodeError) -> BERTLVHeader {
        var index = bytes.startIndex
        guard index < bytes.endIndex else { throw .truncatedTag }
        let first = bytes[index]
        index += 1
        var tag = UInt32(first)
        if first & 0x1F == 0x1F {
            // Subsequent tag bytes: b8 set means "another byte follows".
            var count = 1
            while true {
                guard index < bytes.endIndex else { throw .truncatedTag }
                let next = bytes[index]
                index += 1
                count += 1
                guard count <= min(maximumTagBytes, 4) else { throw .tagTooLong }
                tag = (tag << 8) | UInt32(next)
                if next & 0x80 == 0 { break }
            }
        }
        guard index < bytes.endIndex else { throw .truncatedLength }
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
            guard count <= min(maximumLengthOctets, 7) else { throw .lengthFieldTooLong(octets: count) }
            guard bytes.endIndex - index >= count else { throw .truncatedLength }
            var value = 0
            for _ in 0..<count {
                value = (value << 8) | Int(bytes[index])
                index += 1
            }
            length = .definite(value)
        }
        return BERTLVHeader(
            tag: tag, isConstructed: first & 0x20 != 0, headerLength: index - bytes.startIndex, length: length)
    }
}
