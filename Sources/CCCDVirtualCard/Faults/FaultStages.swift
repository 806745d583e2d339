import CCCDTransport

/// Applies fault actions to a response, at the two points where a chip could go wrong:
/// - inner: the plain answer of the command, before secure messaging wraps it (a status word, a
///   file whose contents changed);
/// - outer: the bytes that leave the card (a broken MAC, truncated or over-long data, a bare
///   status word).
/// Removal, delays and the missing DO'99' are handled by the card and the SM layer.
enum FaultStages {
    static func inner(_ response: ResponseAPDU, command: CommandAPDU, actions: [FaultAction]) -> ResponseAPDU {
        var response = response
        for action in actions {
            switch action {
            case .status(let sw):
                response = ResponseAPDU(data: [], status: sw)
            case .alterContent(let offset, let xor):
                guard let start = readOffset(command), !response.data.isEmpty else { continue }
                // B1 answers carry the data in DO'53': skip its header.
                let header = command.ins == 0xB1 ? oddHeaderLength(response.data) : 0
                let index = header + offset - start
                guard offset >= start, index < response.data.count else { continue }
                var data = response.data
                data[index] ^= xor
                response = ResponseAPDU(data: data, status: response.status)
            default:
                continue
            }
        }
        return response
    }

    static func outer(_ response: ResponseAPDU, actions: [FaultAction]) -> ResponseAPDU {
        var data = response.data
        var status = response.status
        for action in actions {
            switch action {
            case .bareStatus(let sw):
                data = []
                status = sw
            case .wrongMAC:
                if !data.isEmpty { data[data.count - 1] ^= 0x01 }
            case .truncate(let n):
                data.removeLast(min(n, data.count))
            case .extraBytes(let n):
                data += [UInt8](repeating: 0xA5, count: n)
            default:
                continue
            }
        }
        return ResponseAPDU(data: data, status: status)
    }

    /// The file offset a plain READ BINARY starts at.
    static func readOffset(_ command: CommandAPDU) -> Int? {
        switch command.ins {
        case 0xB0:
            return command.p1 & 0x80 != 0 ? Int(command.p2) : Int(command.p1 & 0x7F) << 8 | Int(command.p2)
        case 0xB1:
            let d = command.data
            guard d.count >= 3, d[0] == 0x54, Int(d[1]) == d.count - 2 else { return nil }
            return d[2...].reduce(0) { $0 << 8 | Int($1) }
        default:
            return nil
        }
    }

    private static func oddHeaderLength(_ data: [UInt8]) -> Int {
        guard data.count >= 2 else { return 0 }
        switch data[1] {
        case 0x81: return 3
        case 0x82: return 4
        case 0x83: return 5
        default: return 2
        }
    }
}
