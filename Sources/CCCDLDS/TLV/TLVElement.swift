/// One BER-TLV element (ISO/IEC 7816-4) inside an LDS structure: tag, header length and value bytes.
///
/// LDS templates use application tags such as `5F01` or `5F0E` whose long-form tag numbers are below
/// 31; strict ASN.1 (and swift-asn1) rejects them, so LDS templates are walked with this thin helper
/// while real ASN.1 content (DG13, DG15, EF.SOD) is parsed with swift-asn1.
struct TLVElement: Sendable, Hashable {
    let tag: UInt32
    let isConstructed: Bool
    /// The value bytes; indices are those of the buffer the element was read from.
    let value: ArraySlice<UInt8>
    /// Tag, length and value bytes.
    let encoded: ArraySlice<UInt8>

    /// The children of a constructed element.
    func children(context: String) throws(LDSError) -> [TLVElement] {
        guard isConstructed else {
            throw .unexpectedStructure(context: "\(context): expected a constructed element")
        }
        return try TLVReader.elements(in: value, context: context)
    }
}
