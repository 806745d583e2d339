import CCCDTransport

extension VirtualCard {
    /// SELECT (ISO 7816-4 §11.2.2): P1 00 (MF or by FID), 01 (child DF), 02 (EF under the current DF),
    /// 03 (parent), 04 (DF name), 08 (path from MF), 09 (path from the current DF). P2 0C asks for no
    /// response data; 00/04 get an FCP template with the file size.
    func select(_ c: CommandAPDU) -> ResponseAPDU {
        let returnsFCP = c.p2 & 0x0C != 0x0C
        var selected: ElementaryFile?
        switch c.p1 {
        case 0x00:
            if c.data.isEmpty || c.data == [0x3F, 0x00] {
                selectMaster()
            } else if c.data.count == 2 {
                let fid = UInt16(c.data[0]) << 8 | UInt16(c.data[1])
                if let ef = selectEF(fid: fid) {
                    selected = ef
                } else if !selectApplication(fid: fid) {
                    selectMaster()
                    guard let ef = selectEF(fid: fid) else { return status(.fileNotFound) }
                    selected = ef
                }
            } else {
                return status(.incorrectData)
            }
        case 0x01:
            guard c.data.count == 2 else { return status(.incorrectData) }
            guard selectApplication(fid: UInt16(c.data[0]) << 8 | UInt16(c.data[1])) else { return status(.fileNotFound) }
        case 0x02:
            guard c.data.count == 2 else { return status(.incorrectData) }
            guard let ef = selectEF(fid: UInt16(c.data[0]) << 8 | UInt16(c.data[1])) else { return status(.fileNotFound) }
            selected = ef
        case 0x03:
            selectMaster()
        case 0x04:
            guard !c.data.isEmpty, c.data.count <= 16 else { return status(.incorrectData) }
            guard selectApplication(aid: c.data) else { return status(.fileNotFound) }
        case 0x08, 0x09:
            guard !c.data.isEmpty, c.data.count % 2 == 0 else { return status(.incorrectData) }
            if c.p1 == 0x08 { selectMaster() }
            var fids = stride(from: 0, to: c.data.count, by: 2).map { UInt16(c.data[$0]) << 8 | UInt16(c.data[$0 + 1]) }
            if fids.first == CardFileSystem.masterFileID { fids.removeFirst() }
            for (i, fid) in fids.enumerated() {
                if i == fids.count - 1, let ef = selectEF(fid: fid) {
                    selected = ef
                } else if !selectApplication(fid: fid) {
                    return status(.fileNotFound)
                }
            }
        default:
            return status(.incorrectP1P2)
        }
        guard returnsFCP else { return status(.success) }
        // FCP: 62 { 80 size(2) | 82 descriptor | 83 FID }.
        var fcp: [UInt8] = []
        if let ef = selected {
            let size = ef.contents.count
            fcp = [0x80, 0x02, UInt8((size >> 8) & 0xFF), UInt8(size & 0xFF), 0x82, 0x01, 0x01,
                   0x83, 0x02, UInt8(ef.fid >> 8), UInt8(ef.fid & 0xFF)]
        } else {
            fcp = [0x82, 0x01, 0x38]
        }
        return ResponseAPDU(data: [0x62, UInt8(fcp.count)] + fcp, status: .success)
    }
}
