/// Single DES (8-byte key), as needed by the ISO/IEC 9797-1 retail MAC.
///
/// OpenSSL 3 only offers single DES in the legacy provider, which is often not installed. Two-key
/// 3DES-EDE with K1 = K2 = K computes E_K(D_K(E_K(x))) = E_K(x), i.e. exactly single DES, so the
/// default provider's `DES-EDE` cipher is used with the key doubled.
public enum DES {
    public static let blockSize = 8

    private static func doubled(_ key: [UInt8]) throws(CryptoError) -> [UInt8] {
        guard key.count == 8 else { throw .invalidKeyLength(algorithm: "DES", length: key.count) }
        return key + key
    }

    public static func encryptECB(key: [UInt8], data: [UInt8]) throws(CryptoError) -> [UInt8] {
        try TripleDES.encryptECB(key: doubled(key), data: data)
    }

    public static func decryptECB(key: [UInt8], data: [UInt8]) throws(CryptoError) -> [UInt8] {
        try TripleDES.decryptECB(key: doubled(key), data: data)
    }

    public static func encryptCBC(key: [UInt8], iv: [UInt8] = TripleDES.zeroIV, data: [UInt8]) throws(CryptoError)
        -> [UInt8]
    {
        try TripleDES.encryptCBC(key: doubled(key), iv: iv, data: data)
    }

    public static func decryptCBC(key: [UInt8], iv: [UInt8] = TripleDES.zeroIV, data: [UInt8]) throws(CryptoError)
        -> [UInt8]
    {
        try TripleDES.decryptCBC(key: doubled(key), iv: iv, data: data)
    }
}
