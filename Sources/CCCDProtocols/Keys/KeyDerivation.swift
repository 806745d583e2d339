import CCCDCrypto
import CCCDLDS

/// The key derivation function of ICAO 9303-11 §9.7.1: KDF(K, c) = H(K ‖ c) with a 32-bit
/// big-endian counter, truncated to the key length (3DES keys get their parity bits adjusted).
package enum KeyDerivation {
    /// Counter values of §9.7.
    package enum Counter: UInt32, Sendable {
        case encryption = 1
        case mac = 2
        case password = 3
    }

    /// KDF(sharedSecret, counter) for `cipher`.
    package static func derive(_ sharedSecret: [UInt8], counter: Counter, cipher: SecureMessagingCipher)
        throws(CryptoError) -> [UInt8]
    {
        try derive(sharedSecret, rawCounter: counter.rawValue, cipher: cipher)
    }

    /// KDF with an arbitrary counter (and optional nonce between K and the counter, as in TR-03110
    /// Chip Authentication version 2: H(K ‖ r ‖ c)).
    package static func derive(_ sharedSecret: [UInt8], nonce: [UInt8] = [], rawCounter: UInt32,
                              cipher: SecureMessagingCipher) throws(CryptoError) -> [UInt8]
    {
        let digest = try cipher.kdfHash.hash(sharedSecret + nonce + Bytes.uint32(rawCounter))
        let key = Array(digest.prefix(cipher.keyLength))
        return cipher == .tripleDES ? DESParity.adjusted(key) : key
    }

    /// KS_enc and KS_mac from a shared secret (§9.7.4).
    package static func sessionKeys(from sharedSecret: [UInt8], cipher: SecureMessagingCipher) throws(CryptoError)
        -> SecureMessagingKeys
    {
        SecureMessagingKeys(
            cipher: cipher,
            encryptionKey: try derive(sharedSecret, counter: .encryption, cipher: cipher),
            macKey: try derive(sharedSecret, counter: .mac, cipher: cipher))
    }
}
