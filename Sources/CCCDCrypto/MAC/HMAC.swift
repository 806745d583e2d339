import COpenSSL

/// HMAC (RFC 2104) through OpenSSL's `EVP_MAC` "HMAC", with any of the supported hash functions.
public enum HMAC {
    private static let mac = FetchedAlgorithm(mac: "HMAC")

    /// The full-length HMAC of `data` under `key` (any key length, including empty).
    public static func authenticate(
        key: [UInt8], data: [UInt8], digest: HashAlgorithm = .sha256
    ) throws(CryptoError) -> [UInt8] {
        try EVPMACComputation.compute(
            mac, name: "HMAC", key: key, data: data, parameterName: OSSL_MAC_PARAM_DIGEST,
            parameterValue: digest.rawValue, outputLength: digest.digestLength)
    }
}
