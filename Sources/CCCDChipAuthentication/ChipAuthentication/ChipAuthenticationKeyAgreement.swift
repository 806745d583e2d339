import CCCDCrypto
import CCCDLDS
import CCCDProtocols

/// The terminal-side cryptography of Chip Authentication (ICAO 9303-11 §6.2), as pure functions:
/// ephemeral key pair, shared secret K, session keys KS_enc / KS_mac. All group arithmetic is
/// OpenSSL's (CCCDCrypto `ECGroup` / `DHGroup`).
public enum ChipAuthenticationKeyAgreement {
    /// An ephemeral key pair in the chip key's group.
    public struct EphemeralKeyPair: Sendable {
        public var privateKey: [UInt8]
        /// The public key as sent to the chip: uncompressed point, or y padded to the length of p.
        public var publicKey: [UInt8]
    }

    /// A key pair from `randomBytes` (at least the order length + 8 bytes).
    public static func ephemeralKeyPair(domain: DomainParameters, randomBytes: [UInt8]) throws(ChipAuthenticationError)
        -> EphemeralKeyPair
    {
        do {
            switch domain {
            case .ec(let group):
                let privateKey = try group.privateKey(fromRandom: randomBytes)
                return EphemeralKeyPair(privateKey: privateKey, publicKey: try group.publicKey(privateKey: privateKey).uncompressed)
            case .dh(let group):
                let privateKey = try group.privateKey(fromRandom: randomBytes)
                let y = try group.publicKey(privateKey: privateKey)
                return EphemeralKeyPair(privateKey: privateKey, publicKey: padded(y, to: group.primeSize))
            }
        } catch {
            throw .keyAgreement("\(error)")
        }
    }

    /// The public key of a given private key (for known-answer tests).
    public static func publicKey(domain: DomainParameters, privateKey: [UInt8]) throws(ChipAuthenticationError) -> [UInt8] {
        do {
            switch domain {
            case .ec(let group): return try group.publicKey(privateKey: privateKey).uncompressed
            case .dh(let group): return padded(try group.publicKey(privateKey: privateKey), to: group.primeSize)
            }
        } catch {
            throw .keyAgreement("\(error)")
        }
    }

    /// Random bytes needed for a private key in `domain`.
    public static func randomLength(domain: DomainParameters) -> Int {
        switch domain {
        case .ec(let group): group.orderSize + 8
        case .dh(let group): group.privateKeyRandomLength
        }
    }

    /// K: the x-coordinate of `privateKey × PK_chip` (ECDH), or `PK_chip^privateKey mod p` (DH).
    /// The chip's key is validated (on the curve / in range and subgroup).
    public static func sharedSecret(domain: DomainParameters, privateKey: [UInt8], chipPublicKey: [UInt8])
        throws(ChipAuthenticationError) -> [UInt8]
    {
        do {
            switch domain {
            case .ec(let group):
                return try group.sharedSecret(privateKey: privateKey, peer: group.decodePoint(chipPublicKey))
            case .dh(let group):
                return try group.sharedSecret(privateKey: privateKey, peer: chipPublicKey)
            }
        } catch {
            throw .keyAgreement("\(error)")
        }
    }

    /// KS_enc = KDF(K, 1), KS_mac = KDF(K, 2) for the protocol's cipher.
    public static func sessionKeys(sharedSecret: [UInt8], cipher: SecureMessagingCipher) throws(ChipAuthenticationError)
        -> SecureMessagingKeys
    {
        do {
            return try KeyDerivation.sessionKeys(from: sharedSecret, cipher: cipher)
        } catch {
            throw .keyAgreement("\(error)")
        }
    }

    static func padded(_ bytes: [UInt8], to length: Int) -> [UInt8] {
        [UInt8](repeating: 0, count: max(0, length - bytes.count)) + bytes
    }
}
