import CCCDLDS

/// The "extended length information" of EF.ATR/INFO (file `2F01` in the master file): the largest
/// command and response the card handles (ISO/IEC 7816-4 §12.7.1, DO `7F66`; ICAO 9303-10 §3.6.4.2).
package struct ATRInfo: Sendable, Equatable {
    /// Largest command data field, in bytes.
    package var maxCommandLength: Int
    /// Largest response data field, in bytes.
    package var maxResponseLength: Int

    package init(maxCommandLength: Int, maxResponseLength: Int) {
        self.maxCommandLength = maxCommandLength
        self.maxResponseLength = maxResponseLength
    }

    /// Finds DO `7F66` among the file's top-level data objects; `nil` when absent or malformed.
    package init?(fileContents bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            // Padding bytes 00 / FF between objects are allowed in EF.ATR/INFO.
            if bytes[offset] == 0x00 || bytes[offset] == 0xFF {
                offset += 1
                continue
            }
            guard let header = try? TLVHeader.decode(bytes[offset...]),
                offset + header.totalLength <= bytes.count
            else { return nil }
            let valueStart = offset + header.headerLength
            if header.tag == 0x7F66 {
                let integers = Self.integers(Array(bytes[valueStart..<(valueStart + header.valueLength)]))
                guard integers.count >= 2, integers[0] > 0, integers[1] > 0 else { return nil }
                self.init(maxCommandLength: integers[0], maxResponseLength: integers[1])
                return
            }
            offset += header.totalLength
        }
        return nil
    }

    /// The values of the `02` (INTEGER) objects in `value`, 1–3 bytes each, unsigned.
    private static func integers(_ value: [UInt8]) -> [Int] {
        var result: [Int] = []
        var offset = 0
        while offset + 2 <= value.count {
            let tag = value[offset]
            let length = Int(value[offset + 1])
            guard offset + 2 + length <= value.count else { break }
            if tag == 0x02, (1...3).contains(length) {
                result.append(value[(offset + 2)..<(offset + 2 + length)].reduce(0) { $0 << 8 | Int($1) })
            }
            offset += 2 + length
        }
        return result
    }
}
