import CCCDCrypto
import CCCDTransport

/// The terminal side of BAC (ICAO 9303-11 §4.3, App. D.3) as pure functions: all randomness is
/// an input, no I/O.
package enum BACAuthentication {
    /// GET CHALLENGE: `00 84 00 00 08`.
    package static func getChallengeCommand() -> CommandAPDU {
        // Cannot fail: constant, valid command.
        try! CommandAPDU(cla: 0x00, ins: 0x84, p1: 0x00, p2: 0x00, ne: 8)
    }

    /// What the terminal keeps between EXTERNAL AUTHENTICATE and the chip's answer.
    package struct TerminalChallenge: Sendable {
        package let rndIC: [UInt8]
        package let rndIFD: [UInt8]
        package let kIFD: [UInt8]
        /// E_IFD ‖ M_IFD, the command data of EXTERNAL AUTHENTICATE.
        package let commandData: [UInt8]

        /// EXTERNAL AUTHENTICATE `00 82 00 00 28 <E_IFD ‖ M_IFD> 28`.
        package var command: CommandAPDU {
            // Cannot fail: 40 bytes of data, Ne 40.
            try! CommandAPDU(cla: 0x00, ins: 0x82, p1: 0x00, p2: 0x00, data: commandData, ne: 40)
        }
    }

    /// S = RND.IFD ‖ RND.IC ‖ K.IFD; E_IFD = 3DES-CBC(K_Enc, S); M_IFD = MAC(K_MAC, E_IFD).
    package static func makeChallenge(keys: BACKeys, rndIC: [UInt8], rndIFD: [UInt8], kIFD: [UInt8])
        throws(AccessControlError) -> TerminalChallenge
    {
        guard rndIC.count == 8 else { throw .malformedResponse(step: "GET CHALLENGE", reason: "RND.IC must be 8 bytes") }
        guard rndIFD.count == 8, kIFD.count == 16 else { throw .invalidAccessKey("RND.IFD must be 8 and K.IFD 16 bytes") }
        let s = rndIFD + rndIC + kIFD
        let eIFD = try crypto { () throws(CryptoError) in try TripleDES.encryptCBC(key: keys.encryptionKey, data: s) }
        let mIFD = try crypto { () throws(CryptoError) in try RetailMAC.authenticate(key: keys.macKey, data: eIFD) }
        return TerminalChallenge(rndIC: rndIC, rndIFD: rndIFD, kIFD: kIFD, commandData: eIFD + mIFD)
    }

    /// Verifies the chip's answer E_IC ‖ M_IC (MAC first), checks RND.IC and RND.IFD, and derives
    /// the session: KS_seed = K.IFD ⊕ K.IC, KS_Enc/KS_MAC = KDF(KS_seed, 1/2),
    /// SSC = RND.IC[4..8] ‖ RND.IFD[4..8].
    package static func completeAuthentication(keys: BACKeys, challenge: TerminalChallenge, responseData: [UInt8])
        throws(AccessControlError) -> SecureMessagingState
    {
        let step = "EXTERNAL AUTHENTICATE"
        guard responseData.count == 40 else {
            throw .malformedResponse(step: step, reason: "expected 40 bytes, got \(responseData.count)")
        }
        let eIC = Array(responseData[0..<32])
        let mIC = Array(responseData[32..<40])
        let expected = try crypto { () throws(CryptoError) in try RetailMAC.authenticate(key: keys.macKey, data: eIC) }
        guard constantTimeEquals(expected, mIC) else { throw .authenticationFailed(step: step) }
        let r = try crypto { () throws(CryptoError) in try TripleDES.decryptCBC(key: keys.encryptionKey, data: eIC) }
        // R = RND.IC ‖ RND.IFD ‖ K.IC
        guard constantTimeEquals(Array(r[0..<8]), challenge.rndIC),
              constantTimeEquals(Array(r[8..<16]), challenge.rndIFD)
        else { throw .authenticationFailed(step: step) }
        let kIC = Array(r[16..<32])
        let seed = Bytes.xor(challenge.kIFD, kIC)
        let sessionKeys = try crypto { () throws(CryptoError) in
            try KeyDerivation.sessionKeys(from: seed, cipher: .tripleDES)
        }
        let ssc = SendSequenceCounter(Array(challenge.rndIC[4..<8]) + Array(challenge.rndIFD[4..<8]))
        return SecureMessagingState(keys: sessionKeys, ssc: ssc)
    }
}
