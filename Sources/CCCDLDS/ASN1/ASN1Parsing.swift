import SwiftASN1

/// Entry points into swift-asn1 that turn its errors into ``LDSError``.
enum ASN1Parsing {
    /// Which encoding rules swift-asn1 applies.
    enum Rules: Sendable {
        /// BER: indefinite lengths, constructed strings and non-minimal lengths allowed.
        case ber
        /// DER: definite minimal lengths only.
        case der
    }

    /// Parses an LDS file whose outer element must carry `tag` (BER-TLV byte form, e.g. `0x77`).
    ///
    /// The outer header is checked first (tag, declared length against the buffer and
    /// ``LDSLimits/maximumFileSize``), bytes after the declared length are ignored (chip padding),
    /// and the element is then handed to swift-asn1.
    static func parseFile(
        _ bytes: ArraySlice<UInt8>, tag: UInt32, rules: Rules, context: String
    ) throws(LDSError) -> ASN1Node {
        let header = try RawTLVHeader.decode(bytes, context: context)
        guard header.tag == tag else {
            throw .wrongTag(expected: [tag], found: header.tag, context: context)
        }
        let element: ArraySlice<UInt8>
        if case .definite(let length) = header.length, length > LDSLimits.maximumASN1Size {
            throw .tooLarge(context: "\(context): declared length \(length)")
        }
        switch header.length {
        case .definite(let length):
            guard bytes.count - header.headerLength >= length else {
                let present = bytes.count - header.headerLength
                throw .truncated(context: "\(context): declared \(length) bytes, \(present) present")
            }
            element = bytes.prefix(header.headerLength + length)
        case .indefinite:
            guard rules == .ber else {
                throw .invalidEncoding(context: "\(context): indefinite length where DER is required")
            }
            // The end is only known after parsing; swift-asn1 rejects trailing bytes here.
            element = bytes
        }
        return try parse(element, rules: rules, context: context)
    }

    /// Parses one complete ASN.1 element (no trailing bytes allowed).
    static func parse(_ bytes: ArraySlice<UInt8>, rules: Rules, context: String) throws(LDSError) -> ASN1Node {
        guard bytes.count <= LDSLimits.maximumASN1Size else {
            throw .tooLarge(context: "\(context): \(bytes.count) bytes")
        }
        do {
            switch rules {
            case .ber: return try BER.parse(bytes)
            case .der: return try DER.parse(bytes)
            }
        } catch {
            throw map(error, context: context)
        }
    }

    /// Runs `body`, converting any swift-asn1 error into an ``LDSError``.
    static func run<T>(_ context: String, _ body: () throws -> T) throws(LDSError) -> T {
        do {
            return try body()
        } catch {
            throw map(error, context: context)
        }
    }

    /// Maps an error thrown by swift-asn1 (or passed through) to an ``LDSError``.
    static func map(_ error: any Error, context: String) -> LDSError {
        if let error = error as? LDSError { return error }
        guard let error = error as? ASN1Error else {
            return .unexpectedStructure(context: context)
        }
        // swift-asn1 exposes only a coarse code; its description carries the reason, which lets us
        // tell the depth limit and oversize lengths apart from other invalid objects.
        let text = String(describing: error)
        switch error.code {
        case .truncatedASN1Field:
            return .truncated(context: context)
        case .unsupportedFieldLength:
            return .invalidEncoding(context: "\(context): length encoding")
        case .unexpectedFieldType:
            return .unexpectedStructure(context: "\(context): unexpected field type")
        case .invalidASN1IntegerEncoding:
            return .invalidValue(context: "\(context): integer encoding")
        case .invalidStringRepresentation:
            return .invalidValue(context: "\(context): string")
        case .tooFewOIDComponents:
            return .invalidValue(context: "\(context): object identifier")
        default:
            if text.contains("stack depth") { return .tooDeep(limit: LDSLimits.maximumASN1Depth) }
            if text.contains("Excessively large") { return .tooLarge(context: context) }
            if text.contains("tag incorrectly encoded") || text.contains("end-of-contents") {
                return .invalidEncoding(context: "\(context): tag")
            }
            if text.contains("Trailing") { return .unexpectedStructure(context: "\(context): trailing bytes") }
            return .unexpectedStructure(context: context)
        }
    }
}
