import CCCDCrypto
import CCCDTransport

/// Wraps a response as the chip does (ICAO 9303-11 §9.8.4): increments the SSC, encrypts the
/// data into DO'87' (DO'85' for an odd INS), adds DO'99' with the status word and DO'8E' with the
/// MAC over SSC ‖ DOs. Pure: session in, session out. `includeStatus: false` leaves DO'99' out
/// (fault injection: a chip that omits it).
enum ResponseWrapping {
    static func wrap(_ response: ResponseAPDU, oddInstruction: Bool, session: ChipSecureMessagingSession,
                     includeStatus: Bool = true) throws(CryptoError) -> (protected: [UInt8], session: ChipSecureMessagingSession)
    {
        var session = session
        session.incrementSSC()
        let cipher = session.cipher
        var objects: [UInt8] = []
        if !response.data.isEmpty {
            let iv = try cipher.messagingIV(key: session.keys.encryption, ssc: session.ssc)
            let encrypted = try cipher.encryptCBC(
                key: session.keys.encryption, iv: iv, ChipPadding.pad(response.data, cipher.blockSize))
            objects += oddInstruction ? ChipTLV.encode(0x85, encrypted) : ChipTLV.encode(0x87, [0x01] + encrypted)
        }
        if includeStatus { objects += ChipTLV.encode(0x99, response.status.bytes) }
        let mac = try cipher.macOfPadded(key: session.keys.mac, ChipPadding.pad(session.ssc + objects, cipher.blockSize))
        objects += ChipTLV.encode(0x8E, mac)
        return (objects, session)
    }
}
