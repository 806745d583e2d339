import CCCDPrimitives

/// A decoded header whose length may be indefinite (BER): the package's one BER-TLV header decoder, with
/// the LDS limits and errors.
typealias RawTLVHeader = BERTLVHeader

extension BERTLVHeader {
    /// Decodes tag and length at the start of `bytes` without touching the value. LDS tags have at most 3
    /// bytes; 4 are allowed here so the tag still fits a UInt32 (``TLVHeader`` is stricter).
    static func decode(_ bytes: ArraySlice<UInt8>, context: String) throws(LDSError) -> BERTLVHeader {
        // 00 and FF are padding / invalid first tag bytes in ISO/IEC 7816-4.
        if let first = bytes.first, first == 0x00 || first == 0xFF {
            throw .invalidEncoding(context: "\(context): tag byte \(first == 0 ? "00" : "FF")")
        }
        let header: BERTLVHeader
        do {
            header = try decode(bytes, maximumTagBytes: 4, maximumLengthOctets: 4)
        } catch {
            switch error {
            case .truncatedTag: throw .truncated(context: "\(context): tag")
            case .tagTooLong: throw .invalidEncoding(context: "\(context): tag longer than 4 bytes")
            case .truncatedLength: throw .truncated(context: "\(context): length")
            case .lengthFieldTooLong(let octets): throw .tooLarge(context: "\(context): length field of \(octets) bytes")
            }
        }
        if case .definite(let value) = header.length, value > LDSLimits.maximumFileSize {
            throw .tooLarge(context: "\(context): declared length \(value)")
        }
        return header
    }
}
