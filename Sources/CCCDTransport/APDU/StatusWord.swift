import CCCDPrimitives
/// The two status bytes SW1-SW2 ending every response APDU, with their ISO/IEC 7816-4 meaning.
public struct StatusWord: Hashable, Sendable, CustomStringConvertible {
    public let sw1: UInt8
    public let sw2: UInt8

    public init(_ sw1: UInt8, _ sw2: UInt8) {
        self.sw1 = sw1
        self.sw2 = sw2
    }

    public init(_ value: UInt16) {
        self.init(UInt8(value >> 8), UInt8(value & 0xFF))
    }

    public var value: UInt16 { UInt16(sw1) << 8 | UInt16(sw2) }
    public var bytes: [UInt8] { [sw1, sw2] }

    // Common values.
    public static let success = StatusWord(0x90, 0x00)
    public static let endOfFileReached = StatusWord(0x62, 0x82)
    public static let selectedFileInvalidated = StatusWord(0x62, 0x83)
    public static let verificationFailed = StatusWord(0x63, 0x00)
    public static let memoryFailure = StatusWord(0x65, 0x81)
    public static let wrongLength = StatusWord(0x67, 0x00)
    public static let secureMessagingNotSupported = StatusWord(0x68, 0x82)
    public static let commandIncompatible = StatusWord(0x69, 0x81)
    public static let securityStatusNotSatisfied = StatusWord(0x69, 0x82)
    public static let authenticationMethodBlocked = StatusWord(0x69, 0x83)
    public static let referenceDataNotUsable = StatusWord(0x69, 0x84)
    public static let conditionsNotSatisfied = StatusWord(0x69, 0x85)
    public static let commandNotAllowedNoEF = StatusWord(0x69, 0x86)
    public static let secureMessagingDataObjectMissing = StatusWord(0x69, 0x87)
    public static let secureMessagingDataObjectIncorrect = StatusWord(0x69, 0x88)
    public static let incorrectData = StatusWord(0x6A, 0x80)
    public static let functionNotSupported = StatusWord(0x6A, 0x81)
    public static let fileNotFound = StatusWord(0x6A, 0x82)
    public static let recordNotFound = StatusWord(0x6A, 0x83)
    public static let incorrectP1P2 = StatusWord(0x6A, 0x86)
    public static let referencedDataNotFound = StatusWord(0x6A, 0x88)
    public static let wrongParameters = StatusWord(0x6B, 0x00)
    public static let instructionNotSupported = StatusWord(0x6D, 0x00)
    public static let classNotSupported = StatusWord(0x6E, 0x00)
    public static let noPreciseDiagnosis = StatusWord(0x6F, 0x00)

    /// The broad ISO 7816-4 class of this status word.
    public enum Kind: Equatable, Sendable {
        /// `90 00`.
        case success
        /// `61 xx`: xx more bytes (0 = 256 or more) are available with GET RESPONSE.
        case bytesAvailable(Int)
        /// `62 xx` / `63 xx` warnings; processing completed (partially).
        case warning
        /// `63 Cx`: verification failed, x further tries allowed.
        case verificationFailed(retriesLeft: Int)
        /// `6C xx`: wrong Le; xx (0 = 256) is the exact number of available bytes.
        case wrongLe(exact: Int)
        /// Every other `6x xx` is an error.
        case error
        /// Anything outside ISO 7816-4 ranges.
        case unknown
    }

    public var kind: Kind {
        switch sw1 {
        case 0x90 where sw2 == 0x00: return .success
        case 0x61: return .bytesAvailable(sw2 == 0 ? 256 : Int(sw2))
        case 0x63 where sw2 & 0xF0 == 0xC0: return .verificationFailed(retriesLeft: Int(sw2 & 0x0F))
        case 0x62, 0x63: return .warning
        case 0x6C: return .wrongLe(exact: sw2 == 0 ? 256 : Int(sw2))
        case 0x64...0x6F: return .error
        default: return .unknown
        }
    }

    public var isSuccess: Bool { self == .success }

    /// Processing completed (possibly with a warning): the response data may be used.
    public var isNormalOrWarning: Bool {
        switch kind {
        case .success, .warning, .bytesAvailable: return true
        default: return false
        }
    }

    /// The ISO/IEC 7816-4 meaning in words.
    public var meaning: String {
        switch (sw1, sw2) {
        case (0x90, 0x00): return "success"
        case (0x61, _): return "\(sw2 == 0 ? "256 or more" : String(sw2)) response bytes still available"
        case (0x62, 0x00): return "warning: state of non-volatile memory unchanged"
        case (0x62, 0x81): return "warning: part of returned data may be corrupted"
        case (0x62, 0x82): return "warning: end of file reached before reading Ne bytes"
        case (0x62, 0x83): return "warning: selected file deactivated"
        case (0x62, 0x84): return "warning: file control information not formatted correctly"
        case (0x62, _): return "warning: state of non-volatile memory unchanged"
        case (0x63, 0x00): return "warning: verification failed"
        case (0x63, 0x81): return "warning: file filled up by the last write"
        case (0x63, let x) where x & 0xF0 == 0xC0: return "verification failed, \(x & 0x0F) tries left"
        case (0x63, _): return "warning: state of non-volatile memory changed"
        case (0x64, _): return "execution error: state of non-volatile memory unchanged"
        case (0x65, 0x81): return "execution error: memory failure"
        case (0x65, _): return "execution error: state of non-volatile memory changed"
        case (0x66, _): return "security-related issue"
        case (0x67, 0x00): return "wrong length"
        case (0x68, 0x81): return "logical channel not supported"
        case (0x68, 0x82): return "secure messaging not supported"
        case (0x68, 0x83): return "last command of the chain expected"
        case (0x68, 0x84): return "command chaining not supported"
        case (0x68, _): return "functions in CLA not supported"
        case (0x69, 0x81): return "command incompatible with file structure"
        case (0x69, 0x82): return "security status not satisfied"
        case (0x69, 0x83): return "authentication method blocked"
        case (0x69, 0x84): return "reference data not usable"
        case (0x69, 0x85): return "conditions of use not satisfied"
        case (0x69, 0x86): return "command not allowed (no current EF)"
        case (0x69, 0x87): return "expected secure messaging data objects missing"
        case (0x69, 0x88): return "incorrect secure messaging data objects"
        case (0x69, _): return "command not allowed"
        case (0x6A, 0x80): return "incorrect parameters in the command data field"
        case (0x6A, 0x81): return "function not supported"
        case (0x6A, 0x82): return "file or application not found"
        case (0x6A, 0x83): return "record not found"
        case (0x6A, 0x84): return "not enough memory space in the file"
        case (0x6A, 0x86): return "incorrect parameters P1-P2"
        case (0x6A, 0x88): return "referenced data or reference data not found"
        case (0x6A, _): return "wrong parameters P1-P2"
        case (0x6B, 0x00): return "wrong parameters P1-P2 (offset outside the EF)"
        case (0x6C, _): return "wrong Le field; \(sw2 == 0 ? 256 : Int(sw2)) bytes available"
        case (0x6D, 0x00): return "instruction code not supported or invalid"
        case (0x6E, 0x00): return "class not supported"
        case (0x6F, 0x00): return "no precise diagnosis"
        default: return "unknown status"
        }
    }

    public var description: String { "\(Hex.encode(bytes)) (\(meaning))" }
}
