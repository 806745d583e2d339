/// Text decoding for LDS (non-ASN.1) data objects.
enum LDSText {
    /// Printable ASCII (MRZ, version numbers); anything else is an invalid value.
    static func ascii(_ bytes: ArraySlice<UInt8>, context: String) throws(LDSError) -> String {
        guard bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else {
            throw .invalidValue(context: "\(context): not printable ASCII")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// UTF-8 text (ICAO 9303-10 strings in DG11/DG12), repaired with U+FFFD when invalid;
    /// ISO 8859-1 when the bytes are not UTF-8 at all would be a guess, so repair is preferred.
    static func utf8(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// A date written as 8 ASCII digits `yyyyMMdd` or as 4 BCD bytes (both are seen in DG11/DG12).
    /// Returns the 8 digits, or `nil` when neither form fits.
    static func compactDigits(_ bytes: ArraySlice<UInt8>, digits: Int) -> String? {
        if bytes.count == digits, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            return String(decoding: bytes, as: UTF8.self)
        }
        if bytes.count * 2 == digits, bytes.allSatisfy({ $0 >> 4 <= 9 && $0 & 0x0F <= 9 }) {
            var text = ""
            for byte in bytes {
                text.append(Character(Unicode.Scalar(0x30 + (byte >> 4))))
                text.append(Character(Unicode.Scalar(0x30 + (byte & 0x0F))))
            }
            return text
        }
        return nil
    }
}
