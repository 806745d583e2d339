/// Two-key (K1‖K2, 16 bytes) or three-key (24 bytes) Triple-DES EDE in ECB and CBC mode without
/// padding, through OpenSSL EVP (`DES-EDE*` / `DES-EDE3*`, default provider).
public enum TripleDES {
    public static let blockSize = 8
    public static let zeroIV = [UInt8](repeating: 0, count: 8)

    private static let cbc2 = FetchedAlgorithm(cipher: "DES-EDE-CBC")
    private static let ecb2 = FetchedAlgorithm(cipher: "DES-EDE-ECB")
    private static let cbc3 = FetchedAlgorithm(cipher: "DES-EDE3-CBC")
    private static let ecb3 = FetchedAlgorithm(cipher: "DES-EDE3-ECB")

    private static func algorithm(cbc: Bool, _ key: [UInt8]) throws(CryptoError) -> FetchedAlgorithm {
        switch key.count {
        case 16: return cbc ? cbc2 : ecb2
        case 24: return cbc ? cbc3 : ecb3
        default: throw .invalidKeyLength(algorithm: "3DES", length: key.count)
        }
    }

    public static func encryptCBC(key: [UInt8], iv: [UInt8] = zeroIV, data: [UInt8]) throws(CryptoError) -> [UInt8] {
        try EVPBlockCipher.run(algorithm(cbc: true, key), key: key, iv: iv, data: data, blockSize: 8, encrypt: true)
    }

    public static func decryptCBC(key: [UInt8], iv: [UInt8] = zeroIV, data: [UInt8]) throws(CryptoError) -> [UInt8] {
        try EVPBlockCipher.run(algorithm(cbc: true, key), key: key, iv: iv, data: data, blockSize: 8, encrypt: false)
    }

    public static func encryptECB(key: [UInt8], data: [UInt8]) throws(CryptoError) -> [UInt8] {
        try EVPBlockCipher.run(algorithm(cbc: false, key), key: key, iv: nil, data: data, blockSize: 8, encrypt: true)
    }

    public static func decryptECB(key: [UInt8], data: [UInt8]) throws(CryptoError) -> [UInt8] {
        try EVPBlockCipher.run(algorithm(cbc: false, key), key: key, iv: nil, data: data, blockSize: 8, encrypt: false)
    }
}
