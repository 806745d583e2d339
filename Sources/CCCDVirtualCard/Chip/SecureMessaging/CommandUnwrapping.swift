import CCCDCrypto
import CCCDTransport

/// Unwraps a protected command as the chip does (ICAO 9303-11 §9.8.4): DO'87'/DO'85' (data),
/// DO'97' (Le), DO'8E' (MAC) last. The MAC over SSC ‖ padded header ‖ DOs is verified (after
/// incrementing the SSC) before any content is decrypted. Pure: session in, session out.
enum CommandUnwrapping {
    static func unwrap(_ command: CommandAPDU, session: ChipSecureMessagingSession) throws(SecureMessagingFault)
        -> (plain: CommandAPDU, session: ChipSecureMessagingSession)
    {
        var session = session
        session.incrementSSC()
        let cipher = session.cipher
        guard let objects = try? ChipTLV.parse(command.data) else { throw .incorrectDataObject }

        var cryptogram: ChipTLV.Object?
        var le: ChipTLV.Object?
        var mac: ChipTLV.Object?
        for object in objects {
            guard mac == nil else { throw .incorrectDataObject }  // DO'8E' must come last
            switch object.tag {
            case 0x85, 0x87:
                guard cryptogram == nil, le == nil else { throw .incorrectDataObject }
                cryptogram = object
            case 0x97:
                guard le == nil else { throw .incorrectDataObject }
                le = object
            case 0x8E:
                mac = object
            default:
                throw .incorrectDataObject
            }
        }
        guard let mac else { throw .missingDataObject }
        guard mac.value.count == 8 else { throw .incorrectDataObject }

        // MAC first.
        var input = session.ssc + ChipPadding.pad([command.cla, command.ins, command.p1, command.p2], cipher.blockSize)
        if let cryptogram { input += ChipTLV.encode(cryptogram.tag, cryptogram.value) }
        if let le { input += ChipTLV.encode(le.tag, le.value) }
        guard let expected = try? cipher.macOfPadded(key: session.keys.mac, ChipPadding.pad(input, cipher.blockSize)),
              constantTimeEquals(expected, mac.value)
        else { throw .incorrectDataObject }

        var data: [UInt8] = []
        if let cryptogram {
            var encrypted = cryptogram.value
            if cryptogram.tag == 0x87 {
                guard encrypted.first == 0x01 else { throw .incorrectDataObject }
                encrypted.removeFirst()
            }
            guard !encrypted.isEmpty, encrypted.count % cipher.blockSize == 0,
                  let iv = try? cipher.messagingIV(key: session.keys.encryption, ssc: session.ssc),
                  let decrypted = try? cipher.decryptCBC(key: session.keys.encryption, iv: iv, encrypted),
                  let plain = ChipPadding.unpad(decrypted, cipher.blockSize)
            else { throw .incorrectDataObject }
            data = plain
        }

        var ne: Int?
        if let le {
            switch le.value.count {
            case 1: ne = le.value[0] == 0 ? 256 : Int(le.value[0])
            case 2:
                let n = Int(le.value[0]) << 8 | Int(le.value[1])
                ne = n == 0 ? 65_536 : n
            default: throw .incorrectDataObject
            }
        }
        guard let plain = try? CommandAPDU(
            cla: command.cla & ~0x0C, ins: command.ins, p1: command.p1, p2: command.p2, data: data, ne: ne)
        else { throw .incorrectDataObject }
        return (plain, session)
    }
}
