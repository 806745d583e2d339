/// DES odd-parity adjustment: the least significant bit of every key byte is set so the byte has
/// an odd number of one bits (ICAO 9303-11 App. D.1 step 4).
package enum DESParity {
    package static func adjusted(_ key: [UInt8]) -> [UInt8] {
        key.map { byte in
            let high = byte & 0xFE
            return high.nonzeroBitCount % 2 == 0 ? high | 0x01 : high
        }
    }
}
