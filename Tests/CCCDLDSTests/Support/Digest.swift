import CCCDCrypto

/// Hashes for checking SOD values against the sample files, through OpenSSL (CCCDCrypto).
enum Digest {
    static func sha256(_ message: [UInt8]) -> [UInt8] { try! HashAlgorithm.sha256.hash(message) }
    static func sha1(_ message: [UInt8]) -> [UInt8] { try! HashAlgorithm.sha1.hash(message) }
}
