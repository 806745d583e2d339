import CPCSCLite

/// PC/SC result codes (pcsc-lite's `SCARD_*`) and their mapping to `CardTransportError`.
///
/// pcsc-lite defines them as cast macros that Swift does not import, so the values are listed here
/// (they are fixed by the PC/SC specification and identical on Windows and macOS).
enum PCSCStatus {
    static let success: Int = 0

    /// Name and meaning of every `SCARD_E_*`, `SCARD_F_*` and `SCARD_W_*` code.
    static let names: [UInt32: (String, String)] = [
        0x8010_0001: ("SCARD_F_INTERNAL_ERROR", "internal consistency check failed"),
        0x8010_0002: ("SCARD_E_CANCELLED", "cancelled by SCardCancel"),
        0x8010_0003: ("SCARD_E_INVALID_HANDLE", "invalid handle"),
        0x8010_0004: ("SCARD_E_INVALID_PARAMETER", "invalid parameter"),
        0x8010_0005: ("SCARD_E_INVALID_TARGET", "registry startup information missing or invalid"),
        0x8010_0006: ("SCARD_E_NO_MEMORY", "not enough memory"),
        0x8010_0007: ("SCARD_F_WAITED_TOO_LONG", "internal timer expired"),
        0x8010_0008: ("SCARD_E_INSUFFICIENT_BUFFER", "receive buffer too small"),
        0x8010_0009: ("SCARD_E_UNKNOWN_READER", "unknown reader"),
        0x8010_000A: ("SCARD_E_TIMEOUT", "timeout expired"),
        0x8010_000B: ("SCARD_E_SHARING_VIOLATION", "card in use by another connection"),
        0x8010_000C: ("SCARD_E_NO_SMARTCARD", "no card in the reader"),
        0x8010_000D: ("SCARD_E_UNKNOWN_CARD", "unknown card"),
        0x8010_000E: ("SCARD_E_CANT_DISPOSE", "cannot dispose of the card as requested"),
        0x8010_000F: ("SCARD_E_PROTO_MISMATCH", "protocol mismatch"),
        0x8010_0010: ("SCARD_E_NOT_READY", "reader or card not ready"),
        0x8010_0011: ("SCARD_E_INVALID_VALUE", "invalid parameter value"),
        0x8010_0012: ("SCARD_E_SYSTEM_CANCELLED", "cancelled by the system"),
        0x8010_0013: ("SCARD_F_COMM_ERROR", "internal communication error"),
        0x8010_0014: ("SCARD_F_UNKNOWN_ERROR", "unknown internal error"),
        0x8010_0015: ("SCARD_E_INVALID_ATR", "invalid ATR"),
        0x8010_0016: ("SCARD_E_NOT_TRANSACTED", "transaction failed"),
        0x8010_0017: ("SCARD_E_READER_UNAVAILABLE", "reader unavailable"),
        0x8010_0018: ("SCARD_P_SHUTDOWN", "operation aborted for shutdown"),
        0x8010_0019: ("SCARD_E_PCI_TOO_SMALL", "PCI receive buffer too small"),
        0x8010_001A: ("SCARD_E_READER_UNSUPPORTED", "reader driver unsupported"),
        0x8010_001B: ("SCARD_E_DUPLICATE_READER", "duplicate reader name"),
        0x8010_001C: ("SCARD_E_CARD_UNSUPPORTED", "card unsupported"),
        0x8010_001D: ("SCARD_E_NO_SERVICE", "the smart card service is not running"),
        0x8010_001E: ("SCARD_E_SERVICE_STOPPED", "the smart card service stopped"),
        0x8010_001F: ("SCARD_E_UNEXPECTED", "unexpected card error / unsupported feature"),
        0x8010_0020: ("SCARD_E_ICC_INSTALLATION", "no primary provider for the card"),
        0x8010_0021: ("SCARD_E_ICC_CREATEORDER", "object creation order not supported"),
        0x8010_0023: ("SCARD_E_DIR_NOT_FOUND", "directory not found on the card"),
        0x8010_0024: ("SCARD_E_FILE_NOT_FOUND", "file not found on the card"),
        0x8010_0025: ("SCARD_E_NO_DIR", "path is not a directory"),
        0x8010_0026: ("SCARD_E_NO_FILE", "path is not a file"),
        0x8010_0027: ("SCARD_E_NO_ACCESS", "access denied"),
        0x8010_0028: ("SCARD_E_WRITE_TOO_MANY", "card memory full"),
        0x8010_0029: ("SCARD_E_BAD_SEEK", "file pointer error"),
        0x8010_002A: ("SCARD_E_INVALID_CHV", "incorrect PIN"),
        0x8010_002B: ("SCARD_E_UNKNOWN_RES_MNG", "unrecognized resource manager error"),
        0x8010_002C: ("SCARD_E_NO_SUCH_CERTIFICATE", "no such certificate"),
        0x8010_002D: ("SCARD_E_CERTIFICATE_UNAVAILABLE", "certificate unavailable"),
        0x8010_002E: ("SCARD_E_NO_READERS_AVAILABLE", "no reader available"),
        0x8010_002F: ("SCARD_E_COMM_DATA_LOST", "communication data lost"),
        0x8010_0030: ("SCARD_E_NO_KEY_CONTAINER", "no key container"),
        0x8010_0031: ("SCARD_E_SERVER_TOO_BUSY", "resource manager too busy"),
        0x8010_0065: ("SCARD_W_UNSUPPORTED_CARD", "card unsupported (ATR conflict)"),
        0x8010_0066: ("SCARD_W_UNRESPONSIVE_CARD", "card not responding to reset"),
        0x8010_0067: ("SCARD_W_UNPOWERED_CARD", "card unpowered"),
        0x8010_0068: ("SCARD_W_RESET_CARD", "card was reset"),
        0x8010_0069: ("SCARD_W_REMOVED_CARD", "card was removed"),
        0x8010_006A: ("SCARD_W_SECURITY_VIOLATION", "security violation"),
        0x8010_006B: ("SCARD_W_WRONG_CHV", "wrong PIN"),
        0x8010_006C: ("SCARD_W_CHV_BLOCKED", "PIN blocked"),
        0x8010_006D: ("SCARD_W_EOF", "end of card file"),
        0x8010_006E: ("SCARD_W_CANCELLED_BY_USER", "cancelled by the user"),
        0x8010_006F: ("SCARD_W_CARD_NOT_AUTHENTICATED", "no PIN presented"),
    ]

    /// Maps a PC/SC result to the transport error a caller can act on. `reader` names the reader in
    /// the messages where it helps.
    static func error(_ rv: Int, reader: String? = nil) -> CardTransportError {
        let code = UInt32(truncatingIfNeeded: rv)
        switch code {
        case 0x8010_001D, 0x8010_001E, 0x8010_0018:
            return .serviceUnavailable(names[code]?.1 ?? "unknown")
        case 0x8010_002E: return .noReader(nil)
        case 0x8010_0009: return .noReader(reader)
        case 0x8010_0017, 0x8010_0010: return .readerUnavailable(reader ?? "?")
        case 0x8010_000C: return .noCard
        case 0x8010_0069: return .cardRemoved
        case 0x8010_0068: return .cardReset
        case 0x8010_0066, 0x8010_0067, 0x8010_0065, 0x8010_001C, 0x8010_0015: return .cardUnresponsive
        case 0x8010_000B: return .sharingViolation
        case 0x8010_000A: return .timeout
        case 0x8010_0002, 0x8010_0012, 0x8010_006E: return .cancelled
        case 0x8010_000F: return .protocolMismatch
        case 0x8010_0003: return .closed
        default:
            let (name, message) = names[code] ?? ("SCARD_?", "unknown PC/SC error")
            return .pcsc(code: code, name: name, message: message)
        }
    }

    static func name(_ rv: Int) -> String {
        names[UInt32(truncatingIfNeeded: rv)]?.0 ?? "SCARD_S_SUCCESS"
    }
}
