import CCCDCrypto
import CCCDLDS
import CCCDPrimitives

/// PACE authentication tokens (ICAO 9303-11 §4.4.3.4): T = MAC(KS_MAC, PK), PK being the public-key
/// data object 7F49 { 06 OID, 86 point } (ECDH) or 7F49 { 06 OID, 84 y } (DH) of the other
/// party's ephemeral key.
package enum AuthenticationToken {
    /// The public-key data object the token is computed over.
    package static func inputData(algorithm: PACEAlgorithm, publicKey: [UInt8]) -> [UInt8] {
        let keyTag: UInt32 = algorithm.keyAgreement == .ecdh ? 0x86 : 0x84
        let key = algorithm.keyAgreement == .ecdh ? publicKey : Bytes.minimal(publicKey)
        let body = BERTLV.encode(tag: 0x06, value: algorithm.oidContentBytes) + BERTLV.encode(tag: keyTag, value: key)
        return BERTLV.encode(tag: 0x7F49, value: body)
    }

    /// The 8-byte token over `publicKey` (the *other* party's ephemeral public key).
    package static func compute(algorithm: PACEAlgorithm, macKey: [UInt8], publicKey: [UInt8]) throws(AccessControlError)
        -> [UInt8]
    {
        let input = inputData(algorithm: algorithm, publicKey: publicKey)
        return try crypto { () throws(CryptoError) in try algorithm.cipher.tokenMAC(key: macKey, data: input) }
    }

    /// Checks the chip's token T_IC, computed over the terminal's ephemeral public key.
    package static func verify(_ token: [UInt8], algorithm: PACEAlgorithm, macKey: [UInt8], terminalPublicKey: [UInt8])
        throws(AccessControlError)
    {
        let expected = try compute(algorithm: algorithm, macKey: macKey, publicKey: terminalPublicKey)
        guard constantTimeEquals(expected, token) else { throw .authenticationFailed(step: "PACE mutual authentication") }
    }
}
