import CCCDCrypto

/// The chip side of BAC (ICAO 9303-11 §4.3, App. D) as pure functions.
enum BACChipSteps {
    /// K_enc and K_mac from the MRZ: K_seed = SHA-1(MRZ_information)[0..<16], KDF counters 1 and 2.
    static func documentKeys(_ mrz: MRZKeyInformation) throws(ChipError) -> ChipSessionKeys {
        let information = try mrz.mrzInformation()
        return try chipCrypto { () throws(CryptoError) in
            let seed = Array(try HashAlgorithm.sha1.hash(Array(information.utf8)).prefix(16))
            return try ChipCipher.tripleDES.sessionKeys(from: seed)
        }
    }

    /// EXTERNAL AUTHENTICATE: verifies M_IFD (first), decrypts S = RND.IFD ‖ RND.IC ‖ K.IFD, checks
    /// RND.IC, answers E_IC ‖ M_IC for R = RND.IC ‖ RND.IFD ‖ K.IC and opens the session:
    /// KS from K.IFD ⊕ K.IC, SSC = RND.IC[4..<8] ‖ RND.IFD[4..<8].
    static func authenticate(commandData: [UInt8], keys: ChipSessionKeys, rndIC: [UInt8], kIC: [UInt8])
        throws(ChipError) -> (response: [UInt8], session: ChipSecureMessagingSession)
    {
        guard commandData.count == 40 else { throw .wrongLength }
        let eIFD = Array(commandData[0..<32])
        let mIFD = Array(commandData[32..<40])
        let expected = try chipCrypto { () throws(CryptoError) in try RetailMAC.authenticate(key: keys.mac, data: eIFD) }
        guard constantTimeEquals(expected, mIFD) else { throw .authenticationFailed }
        let s = try chipCrypto { () throws(CryptoError) in
            try TripleDES.decryptCBC(key: keys.encryption, iv: ChipCipher.tripleDES.zeroIV, data: eIFD)
        }
        let rndIFD = Array(s[0..<8])
        guard constantTimeEquals(Array(s[8..<16]), rndIC) else { throw .authenticationFailed }
        let kIFD = Array(s[16..<32])

        return try chipCrypto { () throws(CryptoError) in
            let eIC = try TripleDES.encryptCBC(key: keys.encryption, iv: ChipCipher.tripleDES.zeroIV, data: rndIC + rndIFD + kIC)
            let mIC = try RetailMAC.authenticate(key: keys.mac, data: eIC)
            let seed = zip(kIFD, kIC).map { $0 ^ $1 }
            let session = ChipSecureMessagingSession(
                keys: try ChipCipher.tripleDES.sessionKeys(from: seed), ssc: Array(rndIC[4..<8]) + Array(rndIFD[4..<8]))
            return (eIC + mIC, session)
        }
    }
}
