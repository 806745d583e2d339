import CCCDCrypto
import CCCDPrimitives
import CCCDTransport

extension SecureMessagingState {
    /// Wraps a plain command (ICAO 9303-11 §9.8.4, Figure 5): increments the SSC, encrypts the
    /// data into DO'87' (even INS) or DO'85' (odd INS), adds DO'97' for Le and DO'8E' with the
    /// MAC over SSC ‖ padded header ‖ DOs. CLA gets the SM bits 0x0C (chaining/channel bits kept).
    /// Le of the protected command is `00` (short) or `00 00` when the plain command needs
    /// extended length.
    public mutating func protect(_ command: CommandAPDU) throws(SecureMessagingError) -> CommandAPDU {
        try failingClosed(otherwise: { _ in .commandTooLong }) { try $0.protectUnchecked(command) }
    }

    private mutating func protectUnchecked(_ command: CommandAPDU) throws -> CommandAPDU {
        let cipher = keys.cipher
        let blockSize = cipher.blockSize
        ssc.increment()
        let cla = command.cla | 0x0C
        var dataObjects: [UInt8] = []
        if !command.data.isEmpty {
            let padded = ISO9797Padding.pad(command.data, blockSize: blockSize)
            let encrypted = try cipher.encrypt(key: keys.encryptionKey, iv: iv(for: ssc), data: padded)
            if command.ins & 0x01 == 1 {
                dataObjects += BERTLV.encode(tag: 0x85, value: encrypted)
            } else {
                dataObjects += BERTLV.encode(tag: 0x87, value: [0x01] + encrypted)
            }
        }
        if let ne = command.ne {
            let le: [UInt8]
            switch ne {
            case ...255: le = [UInt8(ne)]
            case 256: le = [0x00]
            case 65_536: le = [0x00, 0x00]
            default: le = [UInt8(ne >> 8), UInt8(ne & 0xFF)]
            }
            dataObjects += BERTLV.encode(tag: 0x97, value: le)
        }
        let header = ISO9797Padding.pad([cla, command.ins, command.p1, command.p2], blockSize: blockSize)
        let macInput = ISO9797Padding.pad(ssc.bytes + header + dataObjects, blockSize: blockSize)
        let mac = try cipher.mac(key: keys.macKey, paddedData: macInput)
        dataObjects += BERTLV.encode(tag: 0x8E, value: mac)

        let extended = command.needsExtendedLength || dataObjects.count > CommandAPDU.maxShortData
        guard dataObjects.count <= CommandAPDU.maxExtendedData else { throw SecureMessagingError.commandTooLong }
        return try CommandAPDU(
            cla: cla, ins: command.ins, p1: command.p1, p2: command.p2, data: dataObjects,
            ne: extended ? CommandAPDU.maxExtendedNe : CommandAPDU.maxShortNe)
    }
}
