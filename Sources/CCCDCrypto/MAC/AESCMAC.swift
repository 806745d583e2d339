import COpenSSL

/// AES-CMAC (NIST SP 800-38B, RFC 4493) through OpenSSL's `EVP_MAC` "CMAC".
public enum AESCMAC {
    private static let mac = FetchedAlgorithm(mac: "CMAC")

    /// The full 16-byte CMAC of `data` under an AES-128/192/256 key.
    public static func authenticate(key: [UInt8], data: [UInt8]) throws(CryptoError) -> [UInt8] {
        let cipherName: String
        switch key.count {
        case 16: cipherName = "AES-128-CBC"
        case 24: cipherName = "AES-192-CBC"
        case 32: cipherName = "AES-256-CBC"
        default: throw .invalidKeyLength(algorithm: "AES-CMAC", length: key.count)
        }
        return try EVPMACComputation.compute(
            mac, name: "CMAC", key: key, data: data, parameterName: OSSL_MAC_PARAM_CIPHER,
            parameterValue: cipherName, outputLength: 16)
    }
}
