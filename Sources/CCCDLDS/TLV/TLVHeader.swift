/// The header (tag and definite length) of one BER-TLV element, as used by LDS files
/// (ICAO 9303-10, ISO/IEC 7816-4).
///
/// The file reader uses it to read a file in two steps: read the first bytes, learn the total
/// length from the header, then read the rest.
///
/// ```swift
/// let prefix = try readBinary(offset: 0, count: TLVHeader.maximumLength)
/// if let total = try TLVHeader.fileLength(fromPrefix: prefix) { /* read up to `total` */ }
/// ```
public struct TLVHeader: Sendable, Hashable {
    /// The tag in its byte form, e.g. `0x75` or `0x7F61`.
    public let tag: UInt32
    /// Whether the constructed bit (b6 of the first tag byte) is set.
    public let isConstructed: Bool
    /// Number of bytes taken by the tag and the length fields.
    public let headerLength: Int
    /// Number of value bytes the length field declares.
    public let valueLength: Int

    /// Header plus value: the number of bytes of the whole element.
    public var totalLength: Int { headerLength + valueLength }

    /// The longest header this type decodes: a 3-byte tag and a 5-byte length (`84 xx xx xx xx`).
    /// Reading this many bytes first is always enough to learn a file's length.
    public static let maximumLength = 8

    /// Decodes the header at the start of `bytes`.
    ///
    /// The value itself need not be present. Throws ``LDSError/truncated(context:)`` when the
    /// header is cut off, ``LDSError/invalidEncoding(context:)`` for an indefinite length or a
    /// malformed tag, ``LDSError/tooLarge(context:)`` when the declared length exceeds
    /// ``LDSLimits/maximumFileSize``.
    public static func decode(_ bytes: ArraySlice<UInt8>) throws(LDSError) -> TLVHeader {
        // LDS tags have at most 3 bytes. A 4-byte tag is an error here, not a truncation: with it a
        // header could exceed `maximumLength`, and a reader that read that many bytes would be told
        // to read more (found by fuzzing: `3F B7 FC 78 84 …`, a 9-byte header).
        if let first = bytes.first, first & 0x1F == 0x1F, bytes.count >= 3,
            bytes[bytes.startIndex + 1] & 0x80 != 0, bytes[bytes.startIndex + 2] & 0x80 != 0
        {
            throw .invalidEncoding(context: "LDS BER-TLV tag longer than 3 bytes")
        }
        let raw = try RawTLVHeader.decode(bytes, context: "TLV header")
        guard case .definite(let length) = raw.length else {
            throw .invalidEncoding(context: "indefinite length in an LDS BER-TLV header")
        }
        return TLVHeader(
            tag: raw.tag, isConstructed: raw.isConstructed, headerLength: raw.headerLength, valueLength: length)
    }

    /// Decodes the header at the start of `bytes`.
    public static func decode(_ bytes: [UInt8]) throws(LDSError) -> TLVHeader {
        try decode(bytes[...])
    }

    /// The total length of an LDS file from its first bytes.
    ///
    /// - Returns: the number of bytes of the whole file (header and value), or `nil` when `prefix`
    ///   is too short to hold the complete header (read at least ``maximumLength`` bytes, or the
    ///   whole file when it is shorter).
    /// - Throws: ``LDSError`` when the header is malformed, uses an indefinite length, or declares
    ///   more than ``LDSLimits/maximumFileSize`` bytes.
    public static func fileLength(fromPrefix prefix: [UInt8]) throws(LDSError) -> Int? {
        do {
            return try decode(prefix[...]).totalLength
        } catch {
            if case .truncated = error { return nil }
            throw error
        }
    }
}
