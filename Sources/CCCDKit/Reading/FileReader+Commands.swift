import CCCDLDS
import CCCDTransport

/// The commands the file reader sends and the unwrapping of odd-INS answers.
extension FileReader {
    static func selectCommand(_ file: LDSFile) -> CommandAPDU {
        let fid = file.fileIdentifier
        // P1 02: EF under the current DF; P2 0C: no response data. Cannot fail: constant shape.
        return try! CommandAPDU(cla: 0x00, ins: 0xA4, p1: 0x02, p2: 0x0C, data: [UInt8(fid >> 8), UInt8(fid & 0xFF)])
    }

    static func readCommand(file: LDSFile, offset: Int, length: Int, bySFI: Bool) -> CommandAPDU {
        let ne = min(max(length, 1), CommandAPDU.maxExtendedNe)
        // Cannot fail: P1/P2 and Ne are in range by construction.
        if bySFI {
            return try! CommandAPDU(cla: 0x00, ins: 0xB0, p1: 0x80 | file.shortFileIdentifier, p2: UInt8(offset), ne: ne)
        }
        if offset <= 0x7FFF {
            return try! CommandAPDU(cla: 0x00, ins: 0xB0, p1: UInt8(offset >> 8), p2: UInt8(offset & 0xFF), ne: ne)
        }
        // Odd INS B1 on the current EF, offset in DO'54'.
        let offsetBytes: [UInt8] = offset > 0xFFFF
            ? [UInt8(offset >> 16), UInt8((offset >> 8) & 0xFF), UInt8(offset & 0xFF)]
            : [UInt8(offset >> 8), UInt8(offset & 0xFF)]
        return try! CommandAPDU(
            cla: 0x00, ins: 0xB1, p1: 0x00, p2: 0x00, data: [0x54, UInt8(offsetBytes.count)] + offsetBytes, ne: ne)
    }

    /// The value of DO'53' in a B1 response (what is present of it, if the card cut it short).
    static func unwrapOddResponse(_ data: [UInt8]) -> [UInt8] {
        guard let header = try? TLVHeader.decode(data), header.tag == 0x53 else { return [] }
        let end = min(data.count, header.headerLength + header.valueLength)
        return Array(data[header.headerLength..<end])
    }
}
