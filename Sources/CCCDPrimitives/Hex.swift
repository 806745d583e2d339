/// Hexadecimal text for bytes: transcripts, APDU headers in logs, test vectors, fingerprints in reports and
/// JSON. The one implementation in the package (`CCCDVirtualCard` included).
public enum Hex {
    private static let upperDigits: [Character] = Array("0123456789ABCDEF")
    private static let lowerDigits: [Character] = Array("0123456789abcdef")

    /// Upper-case hex without separators, e.g. `00A4040C`.
    public static func encode<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        encode(bytes, digits: upperDigits)
    }

    /// Lower-case hex without separators (SHA-256 fingerprints, as the contract writes them).
    public static func lowercase<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        encode(bytes, digits: lowerDigits)
    }

    private static func encode<S: Sequence>(_ bytes: S, digits: [Character]) -> String where S.Element == UInt8 {
        var out = ""
        out.reserveCapacity(bytes.underestimatedCount * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        return out
    }

    /// Parses hex text in either case; spaces, tabs, line breaks and colons are ignored. Returns nil on any
    /// other character or an odd number of digits.
    public static func decode(_ text: String) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count / 2)
        var high: UInt8?
        for c in text.utf8 {
            let v: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): v = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): v = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): v = c - UInt8(ascii: "A") + 10
            case UInt8(ascii: " "), UInt8(ascii: ":"), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                continue
            default: return nil
            }
            if let h = high {
                out.append(h << 4 | v)
                high = nil
            } else {
                high = v
            }
        }
        return high == nil ? out : nil
    }
}

extension Array where Element == UInt8 {
    /// Bytes from hex text; traps on invalid text, so use it only for literals in code and tests.
    public init(hex: String) {
        guard let bytes = Hex.decode(hex) else { preconditionFailure("invalid hex literal: \(hex)") }
        self = bytes
    }

    /// Upper-case hex of the bytes.
    public var hexString: String { Hex.encode(self) }
}
