/// The little BER-TLV the chip needs: one- and two-byte tags, definite lengths up to three bytes.
enum ChipTLV {
    struct Object: Equatable {
        let tag: UInt32
        let value: [UInt8]
    }

    struct Malformed: Error {}

    /// Parses a concatenation of objects; anything truncated or over-long is `Malformed`.
    static func parse(_ bytes: [UInt8]) throws(Malformed) -> [Object] {
        var objects: [Object] = []
        var i = 0
        while i < bytes.count {
            var tag = UInt32(bytes[i])
            i += 1
            if tag & 0x1F == 0x1F {
                guard i < bytes.count, bytes[i] & 0x80 == 0 else { throw Malformed() }
                tag = tag << 8 | UInt32(bytes[i])
                i += 1
            }
            guard i < bytes.count else { throw Malformed() }
            var length = Int(bytes[i])
            i += 1
            if length & 0x80 != 0 {
                let count = length & 0x7F
                guard (1...3).contains(count), i + count <= bytes.count else { throw Malformed() }
                length = bytes[i..<(i + count)].reduce(0) { $0 << 8 | Int($1) }
                i += count
            }
            guard length <= bytes.count - i else { throw Malformed() }
            objects.append(Object(tag: tag, value: Array(bytes[i..<(i + length)])))
            i += length
        }
        return objects
    }

    static func encode(_ tag: UInt32, _ value: [UInt8]) -> [UInt8] {
        var out: [UInt8] = tag > 0xFF ? [UInt8(tag >> 8), UInt8(tag & 0xFF)] : [UInt8(tag)]
        let n = value.count
        switch n {
        case ..<0x80: out.append(UInt8(n))
        case ..<0x100: out += [0x81, UInt8(n)]
        case ..<0x10000: out += [0x82, UInt8(n >> 8), UInt8(n & 0xFF)]
        default: out += [0x83, UInt8(n >> 16), UInt8((n >> 8) & 0xFF), UInt8(n & 0xFF)]
        }
        return out + value
    }
}

/// ISO/IEC 9797-1 padding method 2 helpers (the chip's own, tiny).
enum ChipPadding {
    static func pad(_ data: [UInt8], _ blockSize: Int) -> [UInt8] {
        var out = data + [0x80]
        while out.count % blockSize != 0 { out.append(0) }
        return out
    }

    /// Strips `80 00…`; nil when the padding is absent or longer than a block.
    static func unpad(_ data: [UInt8], _ blockSize: Int) -> [UInt8]? {
        guard let marker = data.lastIndex(where: { $0 != 0 }), data[marker] == 0x80,
              data.count - marker <= blockSize else { return nil }
        return Array(data[..<marker])
    }
}
