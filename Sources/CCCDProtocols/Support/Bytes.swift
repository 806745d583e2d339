/// Small byte helpers (no arithmetic on secrets beyond XOR).
enum Bytes {
    static func xor(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
        precondition(a.count == b.count, "xor of unequal lengths")
        return zip(a, b).map { $0 ^ $1 }
    }

    /// Big-endian 32-bit counter.
    static func uint32(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }

    /// Removes leading zero bytes (minimal unsigned-integer encoding, ICAO 9303-11 §9.4.1).
    static func minimal(_ bytes: [UInt8]) -> [UInt8] {
        let trimmed = Array(bytes.drop { $0 == 0 })
        return trimmed
    }
}
