import CCCDCrypto

/// The block cipher family of a chip session (BAC, or the cipher named by a PACE OID): two-key
/// 3DES with the retail MAC, or AES with CMAC. The chip's own view of ICAO 9303-11 §9.8; every
/// operation is a CCCDCrypto (OpenSSL) call.
public enum ChipCipher: String, Sendable, Codable, CaseIterable {
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

    /// Cipher block size: also the length of the send sequence counter.
    public var blockSize: Int { self == .tripleDES ? 8 : 16 }

    /// The last arc of the PACE OID (id-PACE-*-3DES = 1, -AES-128 = 2, …).
    var oidArc: UInt8 {
        switch self {
        case .tripleDES: return 1
        case .aes128: return 2
        case .aes192: return 3
        case .aes256: return 4
        }
    }

    func encryptCBC(key: [UInt8], iv: [UInt8], _ data: [UInt8]) throws(CryptoError) -> [UInt8] {
        switch self {
        case .tripleDES: return try TripleDES.encryptCBC(key: key, iv: iv, data: data)
        default: return try AES.encryptCBC(key: key, iv: iv, data: data)
        }
    }

    func decryptCBC(key: [UInt8], iv: [UInt8], _ data: [UInt8]) throws(CryptoError) -> [UInt8] {
        switch self {
        case .tripleDES: return try TripleDES.decryptCBC(key: key, iv: iv, data: data)
        default: return try AES.decryptCBC(key: key, iv: iv, data: data)
        }
    }

    var zeroIV: [UInt8] { [UInt8](repeating: 0, count: blockSize) }

    /// The secure-messaging IV for a counter value: zero for 3DES, E(K_enc, SSC) for AES.
    func messagingIV(key: [UInt8], ssc: [UInt8]) throws(CryptoError) -> [UInt8] {
        switch self {
        case .tripleDES: return zeroIV
        default: return try AES.encryptECB(key: key, data: ssc)
        }
    }

    /// 8-byte MAC of data that the caller has already padded (secure messaging).
    func macOfPadded(key: [UInt8], _ padded: [UInt8]) throws(CryptoError) -> [UInt8] {
        switch self {
        case .tripleDES: return try RetailMAC.authenticate(key: key, paddedData: padded)
        default: return Array(try AESCMAC.authenticate(key: key, data: padded).prefix(8))
        }
    }

    /// 8-byte MAC of unpadded data (PACE authentication tokens): the retail MAC pads with method
    /// 2 itself here; CMAC has its own padding.
    func tokenMAC(key: [UInt8], _ data: [UInt8]) throws(CryptoError) -> [UInt8] {
        switch self {
        case .tripleDES: return try RetailMAC.authenticate(key: key, data: data)
        default: return Array(try AESCMAC.authenticate(key: key, data: data).prefix(8))
        }
    }

    /// ICAO 9303-11 §9.7.1: KDF(K, c) = H(K ‖ c) truncated to the key length, H = SHA-1 for 3DES and
    /// AES-128, SHA-256 otherwise; 3DES keys get odd parity.
    func deriveKey(_ secret: [UInt8], counter: UInt8) throws(CryptoError) -> [UInt8] {
        let hash: HashAlgorithm = (self == .tripleDES || self == .aes128) ? .sha1 : .sha256
        let digest = try hash.hash(secret + [0, 0, 0, counter])
        let key = Array(digest.prefix(keyLength))
        guard self == .tripleDES else { return key }
        return key.map { byte in
            // Odd parity: the low bit makes the number of one bits odd.
            let high = byte & 0xFE
            return high.nonzeroBitCount & 1 == 1 ? high : high | 1
        }
    }

    /// The session keys KS_enc = KDF(K, 1) and KS_mac = KDF(K, 2).
    func sessionKeys(from secret: [UInt8]) throws(CryptoError) -> ChipSessionKeys {
        ChipSessionKeys(cipher: self, encryption: try deriveKey(secret, counter: 1), mac: try deriveKey(secret, counter: 2))
    }
}

/// KS_enc and KS_mac of a chip session. Never printed.
struct ChipSessionKeys: Sendable, CustomStringConvertible {
    let cipher: ChipCipher
    let encryption: [UInt8]
    let mac: [UInt8]

    var description: String { "ChipSessionKeys(\(cipher.rawValue), redacted)" }
}
