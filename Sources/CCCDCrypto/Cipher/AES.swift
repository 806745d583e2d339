/// AES-128/192/256 in ECB and CBC mode without padding, through OpenSSL EVP.
public enum AES {
    public static let blockSize = 16

    private static let cbc: [Int: FetchedAlgorithm] = [
        16: FetchedAlgorithm(cipher: "AES-128-CBC"), 24: FetchedAlgorithm(cipher: "AES-192-CBC"),
        32: FetchedAlgorithm(cipher: "AES-256-CBC"),
    ]
    private static let ecb: [Int: FetchedAlgorithm] = [
        16: FetchedAlgorithm(cipher: "AES-128-ECB"), 24: FetchedAlgorithm(cipher: "AES-192-ECB"),
        32: FetchedAlgorithm(cipher: "AES-256-ECB"),
    ]

    private static func algorithm(_ table: [Int: FetchedAlgorithm], _ key: [UInt8]) throws(CryptoError)
        -> FetchedAlgorithm
    {
        guard let algorithm = table[key.count] else { throw .invalidKeyLength(algorithm: "AES", length: key.count) }
        return algorithm
    }

    /// AES-CBC encryption; `data` must be block aligned. IV defaults to zero.
    public static func encryptCBC(key: [UInt8], iv: [UInt8] = zeroIV, data: [UInt8]) throws(CryptoError) -> [UInt8] {
        try EVPBlockCipher.run(algorithm(cbc, key), key: key, iv: iv, data: data, blockSize: blockSize, encrypt: true)
    }

    /// AES-CBC decryption; `data` must be block aligned. IV defaults to zero.
    public static func decryptCBC(key: [UInt8], iv: [UInt8] = zeroIV, data: [UInt8]) throws(CryptoError) -> [UInt8] {
        try EVPBlockCipher.run(algorithm(cbc, key), key: key, iv: iv, data: data, blockSize: blockSize, encrypt: false)
    }

    /// AES-ECB encryption of whole blocks.
    public static func encryptECB(key: [UInt8], data: [UInt8]) throws(CryptoError) -> [UInt8] {
        try EVPBlockCipher.run(algorithm(ecb, key), key: key, iv: nil, data: data, blockSize: blockSize, encrypt: true)
    }

    /// AES-ECB decryption of whole blocks.
    public static func decryptECB(key: [UInt8], data: [UInt8]) throws(CryptoError) -> [UInt8] {
        try EVPBlockCipher.run(algorithm(ecb, key), key: key, iv: nil, data: data, blockSize: blockSize, encrypt: false)
    }

    public static let zeroIV = [UInt8](repeating: 0, count: 16)
}
