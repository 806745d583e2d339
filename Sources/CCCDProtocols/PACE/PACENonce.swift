import CCCDCrypto
import CCCDLDS

/// Step 1 of PACE: the chip's nonce s = D(K_π, z) (CBC, IV = 0).
package enum PACENonce {
    package static func decrypt(encryptedNonce z: [UInt8], passwordKey kPi: [UInt8], cipher: SecureMessagingCipher)
        throws(AccessControlError) -> [UInt8]
    {
        guard !z.isEmpty, z.count % cipher.blockSize == 0 else {
            throw .malformedResponse(step: "GENERAL AUTHENTICATE (encrypted nonce)", reason: "nonce length \(z.count)")
        }
        return try crypto { () throws(CryptoError) in
            try cipher.decrypt(key: kPi, iv: [UInt8](repeating: 0, count: cipher.blockSize), data: z)
        }
    }
}
