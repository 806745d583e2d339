/// A tiny DER/BER-TLV writer for building test vectors (test code only).
enum TLV {
    /// One element with a definite, minimal length.
    static func element(_ tag: [UInt8], _ value: [UInt8]) -> [UInt8] {
        tag + length(value.count) + value
    }

    static func element(_ tag: UInt8, _ value: [UInt8]) -> [UInt8] { element([tag], value) }

    static func length(_ count: Int) -> [UInt8] {
        switch count {
        case 0..<0x80: return [UInt8(count)]
        case 0..<0x100: return [0x81, UInt8(count)]
        case 0..<0x10000: return [0x82, UInt8(count >> 8), UInt8(count & 0xFF)]
        default: return [0x83, UInt8(count >> 16), UInt8((count >> 8) & 0xFF), UInt8(count & 0xFF)]
        }
    }

    static func sequence(_ parts: [UInt8]...) -> [UInt8] { element(0x30, parts.flatMap { $0 }) }
    static func set(_ parts: [UInt8]...) -> [UInt8] { element(0x31, parts.flatMap { $0 }) }
    static func integer(_ value: Int) -> [UInt8] {
        precondition(value >= 0 && value < 0x8000)
        return value < 0x80 ? element(0x02, [UInt8(value)]) : element(0x02, [UInt8(value >> 8), UInt8(value & 0xFF)])
    }
    static func utf8(_ text: String) -> [UInt8] { element(0x0C, Array(text.utf8)) }
    static func printable(_ text: String) -> [UInt8] { element(0x13, Array(text.utf8)) }
    static func oid(_ encoded: [UInt8]) -> [UInt8] { element(0x06, encoded) }

    /// OID 1.0.10646.1.0.8 (ISO 10646 UTF-8) as used at the start of the Vietnamese DG13.
    static let utf8OID = oid([0x28, 0xD3, 0x16, 0x01, 0x00, 0x08])
}
