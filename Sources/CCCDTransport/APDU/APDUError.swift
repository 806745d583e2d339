import CCCDPrimitives
/// Why an APDU could not be built, encoded or decoded.
public enum APDUError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Command data longer than 65 535 bytes (the extended Lc limit).
    case commandDataTooLong(Int)
    /// Ne outside 1...65 536.
    case expectedLengthOutOfRange(Int)
    /// Fewer than four header bytes.
    case tooShort(Int)
    /// The body does not match any ISO 7816-4 case (e.g. Lc says 10 bytes but 7 follow).
    case malformedBody(String)
    /// A response APDU needs at least the two status bytes.
    case responseTooShort(Int)
    /// Short form was required but the command needs extended length.
    case extendedLengthRequired
    /// CLA byte 0xFF is reserved for PPS / the reader (ISO 7816-3) and is not a valid command class.
    case invalidClass(UInt8)

    public var description: String {
        switch self {
        case .commandDataTooLong(let n): return "command data of \(n) bytes exceeds the 65535-byte maximum"
        case .expectedLengthOutOfRange(let n): return "expected response length \(n) is outside 1...65536"
        case .tooShort(let n): return "command APDU of \(n) bytes is shorter than its 4-byte header"
        case .malformedBody(let why): return "malformed command APDU body: \(why)"
        case .responseTooShort(let n): return "response APDU of \(n) bytes has no status word"
        case .extendedLengthRequired: return "the command needs extended length but short form was required"
        case .invalidClass(let c): return "CLA \(Hex.encode([c])) is not a valid command class"
        }
    }
}
