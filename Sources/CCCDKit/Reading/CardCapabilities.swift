/// What the card says about itself in its ATR (or, contactless, the ATS the reader turns into an
/// ATR): the historical bytes' "card capabilities" data object (ISO/IEC 7816-4 §12.1.1.9).
///
/// The reader uses it to decide whether to ask for extended-length APDUs and whether to look for
/// EF.ATR/INFO before reading files.
package struct CardCapabilities: Sendable, Equatable {
    /// Extended Lc/Le supported (third software-function byte, b7). `nil` when the ATR does not say.
    package var extendedLength: Bool?
    /// Extended length information is in EF.ATR/INFO (third byte, b6). `nil` when the ATR does not say.
    package var atrInfoPresent: Bool?
    /// Command chaining supported (third byte, b8).
    package var commandChaining: Bool?

    package init(extendedLength: Bool? = nil, atrInfoPresent: Bool? = nil, commandChaining: Bool? = nil) {
        self.extendedLength = extendedLength
        self.atrInfoPresent = atrInfoPresent
        self.commandChaining = commandChaining
    }

    /// Nothing known: the reader starts with short APDUs and probes EF.ATR/INFO.
    package static let unknown = CardCapabilities()

    /// Reads the capabilities from a whole ATR (ISO/IEC 7816-3 §8.2: TS T0 interface bytes,
    /// historical bytes, TCK). Malformed ATRs give ``unknown``.
    package init(atr: [UInt8]) {
        self.init(historicalBytes: Self.historicalBytes(ofATR: atr) ?? [])
    }

    /// Reads the capabilities from the historical bytes (category indicator `80` or `00`, then
    /// COMPACT-TLV objects; tag 7 is "card capabilities").
    package init(historicalBytes hist: [UInt8]) {
        self.init()
        guard let category = hist.first, category == 0x80 || category == 0x00 else { return }
        // Category 00 ends with three status bytes that are not COMPACT-TLV.
        let end = category == 0x00 ? hist.count - 3 : hist.count
        var i = 1
        while i < end {
            let tag = hist[i] >> 4
            let length = Int(hist[i] & 0x0F)
            let valueStart = i + 1
            guard valueStart + length <= end else { return }
            if tag == 0x7, length >= 3 {
                let third = hist[valueStart + 2]
                commandChaining = third & 0x80 != 0
                extendedLength = third & 0x40 != 0
                atrInfoPresent = third & 0x20 != 0
            }
            i = valueStart + length
        }
    }

    /// The historical bytes of an ATR, or `nil` when the interface bytes run past its end.
    package static func historicalBytes(ofATR atr: [UInt8]) -> [UInt8]? {
        guard atr.count >= 2 else { return nil }
        let count = Int(atr[1] & 0x0F)
        var indicator = atr[1] >> 4
        var i = 2
        while true {
            // TAi, TBi, TCi present per bits 5–7; TDi per bit 8 and announces the next level.
            let present = (0..<4).filter { indicator & (1 << $0) != 0 }.count
            let tdPresent = indicator & 0x08 != 0
            i += present
            guard i <= atr.count else { return nil }
            guard tdPresent else { break }
            indicator = atr[i - 1] >> 4
        }
        guard i + count <= atr.count else { return nil }
        return Array(atr[i..<(i + count)])
    }
}
