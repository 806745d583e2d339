import CCCDPrimitives
/// A command APDU (ISO/IEC 7816-4 §5.1): header CLA INS P1 P2, optional command data (Nc = data.count)
/// and an optional expected response length Ne.
///
/// The value is validated when built, so every `CommandAPDU` can be encoded: Nc ≤ 65 535 and
/// Ne in 1...65 536. Ne = 256 encodes as short Le `00`; Ne = 65 536 as extended Le `00 00`.
public struct CommandAPDU: Hashable, Sendable, CustomStringConvertible {
    public let cla: UInt8
    public let ins: UInt8
    public let p1: UInt8
    public let p2: UInt8
    public let data: [UInt8]
    /// Expected response data length, nil when no response data is expected (cases 1 and 3).
    public let ne: Int?

    public static let maxShortData = 255
    public static let maxShortNe = 256
    public static let maxExtendedData = 65_535
    public static let maxExtendedNe = 65_536

    public init(cla: UInt8, ins: UInt8, p1: UInt8, p2: UInt8, data: [UInt8] = [], ne: Int? = nil) throws(APDUError) {
        guard data.count <= Self.maxExtendedData else { throw .commandDataTooLong(data.count) }
        if let ne, !(1...Self.maxExtendedNe).contains(ne) { throw .expectedLengthOutOfRange(ne) }
        self.cla = cla
        self.ins = ins
        self.p1 = p1
        self.p2 = p2
        self.data = data
        self.ne = ne
    }

    /// The ISO 7816-4 case of this command: 1 (no data, no Le) … 4 (data and Le).
    public var isoCase: Int {
        switch (data.isEmpty, ne == nil) {
        case (true, true): return 1
        case (true, false): return 2
        case (false, true): return 3
        case (false, false): return 4
        }
    }

    /// True when the command cannot be sent in short form.
    public var needsExtendedLength: Bool {
        data.count > Self.maxShortData || (ne ?? 0) > Self.maxShortNe
    }

    /// The same command with another Ne (e.g. after `6C xx`).
    public func with(ne newNe: Int?) throws(APDUError) -> CommandAPDU {
        try CommandAPDU(cla: cla, ins: ins, p1: p1, p2: p2, data: data, ne: newNe)
    }

    /// The same command with another CLA (e.g. the chaining bit or the secure-messaging bits).
    public func with(cla newCla: UInt8) -> CommandAPDU {
        // Cannot fail: only the header changes.
        try! CommandAPDU(cla: newCla, ins: ins, p1: p1, p2: p2, data: data, ne: ne)
    }

    /// Encoding form.
    public enum LengthForm: Sendable {
        /// Short when it fits, extended otherwise.
        case automatic
        /// Short form only; throws if the command does not fit.
        case short
        /// Extended form even when short would do (cases 2–4).
        case extended
    }

    /// The bytes sent to the card.
    public func encoded(_ form: LengthForm = .automatic) throws(APDUError) -> [UInt8] {
        let extended: Bool
        switch form {
        case .automatic: extended = needsExtendedLength
        case .short:
            if needsExtendedLength { throw .extendedLengthRequired }
            extended = false
        case .extended: extended = isoCase != 1
        }
        var out: [UInt8] = [cla, ins, p1, p2]
        out.reserveCapacity(4 + 3 + data.count + 3)
        if extended {
            if !data.isEmpty {
                out += [0x00, UInt8(data.count >> 8), UInt8(data.count & 0xFF)]
                out += data
            }
            if let ne {
                let le = ne == Self.maxExtendedNe ? 0 : ne
                // Case 2E has its own leading 00; case 4E shares the one of Lc.
                if data.isEmpty { out.append(0x00) }
                out += [UInt8(le >> 8), UInt8(le & 0xFF)]
            }
        } else {
            if !data.isEmpty {
                out.append(UInt8(data.count))
                out += data
            }
            if let ne { out.append(ne == Self.maxShortNe ? 0 : UInt8(ne)) }
        }
        return out
    }

    /// Decodes a command APDU in any of the cases 1, 2S, 3S, 4S, 2E, 3E, 4E.
    public init(bytes: [UInt8]) throws(APDUError) {
        guard bytes.count >= 4 else { throw .tooShort(bytes.count) }
        let body = Array(bytes[4...])
        var data: [UInt8] = []
        var ne: Int?
        switch body.count {
        case 0:
            break  // case 1
        case 1:
            ne = body[0] == 0 ? 256 : Int(body[0])  // case 2S
        default:
            if body[0] != 0 {
                // Short: case 3S (Lc data) or 4S (Lc data Le).
                let lc = Int(body[0])
                if body.count == 1 + lc {
                    data = Array(body[1...])
                } else if body.count == 2 + lc {
                    data = Array(body[1..<(1 + lc)])
                    ne = body[1 + lc] == 0 ? 256 : Int(body[1 + lc])
                } else {
                    throw .malformedBody("short Lc \(lc) does not match \(body.count - 1) following bytes")
                }
            } else if body.count == 3 {
                // Case 2E: 00 Le1 Le2.
                let le = Int(body[1]) << 8 | Int(body[2])
                ne = le == 0 ? 65_536 : le
            } else {
                guard body.count >= 3 else { throw .malformedBody("extended length field truncated") }
                let lc = Int(body[1]) << 8 | Int(body[2])
                guard lc > 0 else { throw .malformedBody("extended Lc of zero") }
                if body.count == 3 + lc {
                    data = Array(body[3...])  // case 3E
                } else if body.count == 5 + lc {
                    data = Array(body[3..<(3 + lc)])  // case 4E
                    let le = Int(body[3 + lc]) << 8 | Int(body[4 + lc])
                    ne = le == 0 ? 65_536 : le
                } else {
                    throw .malformedBody("extended Lc \(lc) does not match \(body.count - 3) following bytes")
                }
            }
        }
        try self.init(cla: bytes[0], ins: bytes[1], p1: bytes[2], p2: bytes[3], data: data, ne: ne)
    }

    /// Header and lengths only, never the data: safe for logs.
    public var description: String {
        var s = "C-APDU \(Hex.encode([cla, ins, p1, p2]))"
        if !data.isEmpty { s += " Nc=\(data.count)" }
        if let ne { s += " Ne=\(ne)" }
        return s
    }
}

extension CommandAPDU {
    /// Splits this command into a chain (ISO 7816-4 §5.3.3): every part but the last has CLA bit
    /// 0x10 set; only the last carries Ne. Each part carries at most `maxDataPerCommand` bytes.
    public func chained(maxDataPerCommand: Int) throws(APDUError) -> [CommandAPDU] {
        guard maxDataPerCommand > 0 else { throw .malformedBody("chunk size must be positive") }
        guard data.count > maxDataPerCommand else { return [self] }
        var parts: [CommandAPDU] = []
        var start = 0
        while start < data.count {
            let end = min(start + maxDataPerCommand, data.count)
            let isLast = end == data.count
            parts.append(
                try CommandAPDU(
                    cla: isLast ? cla & ~0x10 : cla | 0x10, ins: ins, p1: p1, p2: p2,
                    data: Array(data[start..<end]), ne: isLast ? ne : nil))
            start = end
        }
        return parts
    }
}
