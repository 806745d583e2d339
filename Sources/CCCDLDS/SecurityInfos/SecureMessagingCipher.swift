/// The block cipher family of a secure-messaging session (and of the PACE/CA algorithm that set
/// it up): 2-key 3DES with retail MAC, or AES with CMAC. Named here because SecurityInfos name it
/// (the last arc of a PACE or CA protocol OID); the cryptography is CCCDProtocols' extension.
public enum SecureMessagingCipher: String, Sendable, Hashable, CaseIterable {
    case tripleDES = "3DES"
    case aes128 = "AES-128"
    case aes192 = "AES-192"
    case aes256 = "AES-256"

    /// Key length in bytes.
    public var keyLength: Int {
        switch self {
        case .tripleDES, .aes128: return 16
        case .aes192: return 24
        case .aes256: return 32
        }
    }

    /// Block size in bytes: also the SSC length.
    public var blockSize: Int { self == .tripleDES ? 8 : 16 }
}
