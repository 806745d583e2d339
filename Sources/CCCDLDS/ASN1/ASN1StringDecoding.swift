import SwiftASN1

/// Lenient decoding of the ASN.1 character-string types found on cards.
///
/// Cards are not always strict about string types, so any of the usual types is accepted and
/// decoded as its encoding says; invalid UTF-8 is repaired with U+FFFD rather than rejected.
enum ASN1StringDecoding {
    /// Universal tag numbers of the string types accepted.
    static let stringTagNumbers: Set<UInt> = [
        0x0C,  // UTF8String
        0x12,  // NumericString
        0x13,  // PrintableString
        0x14,  // TeletexString
        0x15,  // VideotexString
        0x16,  // IA5String
        0x19,  // GraphicString
        0x1A,  // VisibleString
        0x1B,  // GeneralString
        0x1C,  // UniversalString
        0x1E,  // BMPString
    ]

    /// Whether the node is one of the accepted string types.
    static func isString(_ node: ASN1Node) -> Bool {
        node.identifier.tagClass == .universal && stringTagNumbers.contains(node.identifier.tagNumber)
    }

    /// The text of a string node, or `nil` when the node is not a string type.
    static func string(from node: ASN1Node) throws(LDSError) -> String? {
        guard isString(node) else { return nil }
        let bytes = try node.segmentBytes("string", depth: 0)
        switch node.identifier.tagNumber {
        case 0x1E: return utf16BigEndian(bytes)
        case 0x1C: return utf32BigEndian(bytes)
        case 0x0C: return String(decoding: bytes, as: UTF8.self)
        default: return utf8OrLatin1(bytes)
        }
    }

    /// UTF-8 when the bytes are valid UTF-8, ISO 8859-1 otherwise (T.61 / legacy strings).
    static func utf8OrLatin1(_ bytes: [UInt8]) -> String {
        // Round-trip check instead of String(validating:), which needs macOS 15.
        let text = String(decoding: bytes, as: UTF8.self)
        if text.utf8.elementsEqual(bytes) { return text }
        var scalars = String.UnicodeScalarView()
        for byte in bytes { scalars.append(Unicode.Scalar(byte)) }
        return String(scalars)
    }

    static func utf16BigEndian(_ bytes: [UInt8]) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = 0
        while index + 1 < bytes.count {
            units.append(UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]))
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    static func utf32BigEndian(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        var index = 0
        while index + 3 < bytes.count {
            let value =
                UInt32(bytes[index]) << 24 | UInt32(bytes[index + 1]) << 16 | UInt32(bytes[index + 2]) << 8
                | UInt32(bytes[index + 3])
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            index += 4
        }
        return String(scalars)
    }
}
