import CCCDTransport

extension VirtualCard {
    /// READ BINARY, even INS `B0` (ISO 7816-4 §11.3.3): P1 bit 8 set → SFI in P1 bits 5–1 and the
    /// offset in P2; otherwise a 15-bit offset in P1-P2 on the current EF.
    func readBinary(_ c: CommandAPDU) -> ResponseAPDU {
        let file: ElementaryFile
        let offset: Int
        if c.p1 & 0x80 != 0 {
            guard profile.shortFileIdentifiers else {
                let refusal = profile.shortFileIdentifierRefusal
                return status(StatusWord(UInt8(refusal >> 8), UInt8(refusal & 0xFF)))
            }
            guard c.p1 & 0x60 == 0, let ef = selectEF(sfi: c.p1 & 0x1F) else { return status(.fileNotFound) }
            file = ef
            offset = Int(c.p2)
        } else {
            guard let ef = currentFile else { return status(.commandNotAllowedNoEF) }
            file = ef
            offset = Int(c.p1) << 8 | Int(c.p2)
        }
        return read(file, offset: offset, ne: c.ne) { $0 }
    }

    /// READ BINARY, odd INS `B1`: P1-P2 = 0000 (current EF) or the FID; the offset is in DO'54'
    /// (up to 3 bytes) and the data come back in DO'53'.
    func readBinaryOdd(_ c: CommandAPDU) -> ResponseAPDU {
        let file: ElementaryFile
        let fid = UInt16(c.p1) << 8 | UInt16(c.p2)
        if fid == 0 {
            guard let ef = currentFile else { return status(.commandNotAllowedNoEF) }
            file = ef
        } else {
            guard let ef = selectEF(fid: fid) else { return status(.fileNotFound) }
            file = ef
        }
        // DO'54' offset: 54 L v (1 ≤ L ≤ 3).
        guard c.data.count >= 3, c.data[0] == 0x54, Int(c.data[1]) == c.data.count - 2, (1...3).contains(c.data[1])
        else { return status(.incorrectData) }
        let offset = c.data[2...].reduce(0) { $0 << 8 | Int($1) }
        return read(file, offset: offset, ne: c.ne) { chunk in
            // The whole DO'53' must fit Ne: the caller sizes Le for header + data.
            berHeader(tag: 0x53, length: chunk.count) + chunk
        }
    }

    /// Reads up to Ne bytes at `offset`; `wrap` turns the data into the response field.
    private func read(_ file: ElementaryFile, offset: Int, ne: Int?, wrap: ([UInt8]) -> [UInt8]) -> ResponseAPDU {
        guard mayRead(file) else { return status(.securityStatusNotSatisfied) }
        guard let ne else { return status(.wrongLength) }
        guard ne <= profile.maxResponseDataLength else { return status(.wrongLength) }
        guard offset <= file.contents.count else { return status(.wrongParameters) }
        if offset == file.contents.count { return status(.wrongParameters) }
        // For B1 the DO header takes part of Ne: shrink the data until the wrapped field fits.
        var count = min(ne, file.contents.count - offset)
        var field = wrap(Array(file.contents[offset..<(offset + count)]))
        while field.count > ne && count > 0 {
            count -= field.count - ne
            field = wrap(Array(file.contents[offset..<(offset + max(count, 0))]))
        }
        let endReached = offset + count >= file.contents.count && field.count < ne
        if endReached && profile.endOfFile == .exactLength && field.count <= 256 {
            return status(StatusWord(0x6C, UInt8(field.count & 0xFF)))
        }
        return ResponseAPDU(data: field, status: endReached ? .endOfFileReached : .success)
    }
}

/// BER-TLV tag + definite length header.
func berHeader(tag: UInt8, length: Int) -> [UInt8] {
    switch length {
    case ..<0x80: return [tag, UInt8(length)]
    case ..<0x100: return [tag, 0x81, UInt8(length)]
    case ..<0x10000: return [tag, 0x82, UInt8(length >> 8), UInt8(length & 0xFF)]
    default: return [tag, 0x83, UInt8(length >> 16), UInt8((length >> 8) & 0xFF), UInt8(length & 0xFF)]
    }
}
