import CCCDCrypto
import CCCDLDS

/// PACE step 3: ephemeral key agreement on the mapped generator and session-key derivation.
package enum PACEKeyAgreement {
    /// The terminal's ephemeral public key on the mapped generator.
    package static func ephemeralPublicKey(domain: DomainParameters, generator: PACEGenerator, privateKey: [UInt8])
        throws(AccessControlError) -> [UInt8]
    {
        try crypto { () throws(CryptoError) in try domain.publicKey(privateKey: privateKey, generator: generator) }
    }

    /// K = KA(SK_IFD, PK_IC) after checking PK_IC ≠ PK_IFD (ICAO 9303-11 §4.4.1), and the new
    /// session keys KS_Enc = KDF(K, 1), KS_MAC = KDF(K, 2).
    package static func sessionKeys(domain: DomainParameters, cipher: SecureMessagingCipher, privateKey: [UInt8],
                                   terminalPublicKey: [UInt8], chipPublicKey: [UInt8]) throws(AccessControlError)
        -> (sharedSecret: [UInt8], keys: SecureMessagingKeys)
    {
        try crypto { () throws(CryptoError) in
            let chip = try domain.canonicalPublicKey(chipPublicKey)
            let terminal = try domain.canonicalPublicKey(terminalPublicKey)
            guard chip != terminal else { throw .invalidPublicKey("chip echoed the terminal's ephemeral key") }
            let k = try domain.sharedSecret(privateKey: privateKey, peerPublicKey: chip)
            return (k, try KeyDerivation.sessionKeys(from: k, cipher: cipher))
        }
    }
}
