import CCCDCrypto
import CCCDLDS

extension SecureMessagingCipher {
    /// The hash of the ICAO 9303-11 §9.7.1 KDF: SHA-1 for 3DES and AES-128, SHA-256 otherwise.
    public var kdfHash: HashAlgorithm {
        switch self {
        case .tripleDES, .aes128: return .sha1
        case .aes192, .aes256: return .sha256
        }
    }

    /// CBC encryption without padding.
    func encrypt(key: [UInt8], iv: [UInt8], data: [UInt8]) throws(CryptoError) -> [UInt8] {
        self == .tripleDES
            ? try TripleDES.encryptCBC(key: key, iv: iv, data: data)
            : try AES.encryptCBC(key: key, iv: iv, data: data)
    }

    /// CBC decryption without padding.
    func decrypt(key: [UInt8], iv: [UInt8], data: [UInt8]) throws(CryptoError) -> [UInt8] {
        self == .tripleDES
            ? try TripleDES.decryptCBC(key: key, iv: iv, data: data)
            : try AES.decryptCBC(key: key, iv: iv, data: data)
    }

    /// One-block ECB encryption (AES SM IVs, PACE-CAM IV, IM pseudo-random function).
    func encryptECB(key: [UInt8], data: [UInt8]) throws(CryptoError) -> [UInt8] {
        self == .tripleDES
            ? try TripleDES.encryptECB(key: key, data: data)
            : try AES.encryptECB(key: key, data: data)
    }

    /// The 8-byte MAC of already padded data: retail MAC (3DES) or CMAC truncated to 8 bytes (AES).
    func mac(key: [UInt8], paddedData: [UInt8]) throws(CryptoError) -> [UInt8] {
        if self == .tripleDES { return try RetailMAC.authenticate(key: key, paddedData: paddedData) }
        return Array(try AESCMAC.authenticate(key: key, data: paddedData).prefix(8))
    }

    /// The MAC of authentication tokens (ICAO 9303-11 §4.4.3.4): retail MAC with padding method 2
    /// for 3DES; CMAC (which pads internally) truncated to 8 bytes for AES.
    func tokenMAC(key: [UInt8], data: [UInt8]) throws(CryptoError) -> [UInt8] {
        if self == .tripleDES { return try RetailMAC.authenticate(key: key, data: data) }
        return Array(try AESCMAC.authenticate(key: key, data: data).prefix(8))
    }
}
