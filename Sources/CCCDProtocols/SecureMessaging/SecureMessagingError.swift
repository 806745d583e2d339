import CCCDCrypto
import CCCDPrimitives
import CCCDTransport

/// Why secure messaging failed. Every one of these ends the session: the state refuses further
/// use (`sessionTerminated`), as the chip itself drops SM after an error.
public enum SecureMessagingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The session already failed (or was closed); a new access-control run is needed.
    case sessionTerminated
    /// The card answered with a bare status word: it aborted secure messaging (typically
    /// `69 87` / `69 88`, ICAO 9303-11 §9.8.5).
    case unprotectedResponse(StatusWord)
    /// A mandatory data object (0x99 or 0x8E) is missing.
    case missingDataObject(UInt8)
    /// A data object that does not belong in a protected response, or one out of order.
    case unexpectedDataObject(UInt32)
    /// The same data object appears twice.
    case duplicateDataObject(UInt8)
    /// A data object is truncated, over-long or has the wrong length.
    case malformedDataObject(String)
    /// The response MAC does not verify (tampering, wrong keys or an out-of-step SSC / replay).
    case macMismatch
    /// DO'87' does not start with the padding-content indicator 0x01.
    case invalidPaddingIndicator
    /// The decrypted data does not end with ISO/IEC 9797-1 method 2 padding.
    case invalidPadding
    /// The protected command would exceed the APDU limits.
    case commandTooLong
    /// A cipher or MAC operation failed.
    case crypto(CryptoError)

    public var description: String {
        switch self {
        case .sessionTerminated: return "the secure-messaging session has ended"
        case .unprotectedResponse(let sw): return "the card answered without secure messaging (SW \(sw))"
        case .missingDataObject(let tag): return "secure-messaging data object \(Hex.encode([tag])) missing"
        case .unexpectedDataObject(let tag): return "unexpected secure-messaging data object \(String(tag, radix: 16, uppercase: true))"
        case .duplicateDataObject(let tag): return "duplicate secure-messaging data object \(Hex.encode([tag]))"
        case .malformedDataObject(let why): return "malformed secure-messaging data object: \(why)"
        case .macMismatch: return "response MAC does not verify"
        case .invalidPaddingIndicator: return "DO'87' padding-content indicator is not 01"
        case .invalidPadding: return "decrypted response has invalid padding"
        case .commandTooLong: return "protected command exceeds the APDU length limit"
        case .crypto(let error): return "secure messaging crypto failure: \(error)"
        }
    }
}
