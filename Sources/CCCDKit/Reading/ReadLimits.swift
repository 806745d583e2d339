/// The lengths the file reader may use: whether extended APDUs work and the largest response data
/// field the card (and reader) return. Learned from the ATR and EF.ATR/INFO, then corrected by the
/// fallback ladder as the card answers.
package struct ReadLimits: Sendable, Equatable {
    /// Extended Lc/Le may be used.
    package var extendedLength: Bool
    /// Largest response data field on the wire (protected, under secure messaging).
    package var maxResponseData: Int
    /// Largest command data field on the wire.
    package var maxCommandData: Int

    package init(extendedLength: Bool, maxResponseData: Int, maxCommandData: Int) {
        self.extendedLength = extendedLength
        self.maxResponseData = max(1, min(maxResponseData, extendedLength ? 65_536 : 256))
        self.maxCommandData = max(1, min(maxCommandData, extendedLength ? 65_535 : 255))
    }

    /// Short APDUs only: 256 response bytes, 255 command bytes.
    package static let short = ReadLimits(extendedLength: false, maxResponseData: 256, maxCommandData: 255)

    /// From what the card announced. EF.ATR/INFO wins over the ATR; with neither, short APDUs.
    package init(capabilities: CardCapabilities, atrInfo: ATRInfo?) {
        if let atrInfo {
            let extended = capabilities.extendedLength ?? (atrInfo.maxResponseLength > 256)
            self.init(extendedLength: extended, maxResponseData: atrInfo.maxResponseLength,
                      maxCommandData: atrInfo.maxCommandLength)
        } else if capabilities.extendedLength == true {
            self.init(extendedLength: true, maxResponseData: 65_536, maxCommandData: 65_535)
        } else {
            self = .short
        }
    }

    /// The same limits without extended length (e.g. a reader that cannot carry it).
    package var shortOnly: ReadLimits {
        ReadLimits(extendedLength: false, maxResponseData: min(maxResponseData, 256),
                   maxCommandData: min(maxCommandData, 255))
    }

    /// The largest number of plain file bytes one READ BINARY may ask for.
    ///
    /// Under secure messaging the protected response — DO'87' (01 ‖ data padded to the 16-byte
    /// block), DO'99' (status) and DO'8E' (MAC) — must fit ``maxResponseData``; for short APDUs that
    /// leaves 223 (0xDF) plain bytes. The protected command carries Le `00` unless the plain Ne needs
    /// extended length, so plain sizes 224…256 can never be answered and are avoided.
    package func maxPlainChunk(secureMessaging: Bool) -> Int {
        guard secureMessaging else { return maxResponseData }
        let shortLimit = Self.plainBytes(fittingProtectedResponse: min(maxResponseData, 256))
        guard extendedLength, maxResponseData > 256 else { return shortLimit }
        let extended = Self.plainBytes(fittingProtectedResponse: maxResponseData)
        return extended > 256 ? extended : shortLimit
    }

    /// The size of a protected READ BINARY response carrying `plain` bytes (AES, 16-byte blocks;
    /// 3DES blocks are 8 bytes, so this is an upper bound for BAC too).
    package static func protectedResponseLength(plain: Int) -> Int {
        let cryptogram = 1 + (plain / 16 + 1) * 16
        let lengthField = cryptogram < 0x80 ? 1 : cryptogram < 0x100 ? 2 : cryptogram < 0x10000 ? 3 : 4
        return 1 + lengthField + cryptogram + 4 + 10
    }

    /// The largest plain length whose protected response fits `limit` bytes.
    package static func plainBytes(fittingProtectedResponse limit: Int) -> Int {
        // Start from the block-aligned estimate and step down; at most a few iterations.
        var plain = max(0, limit - 19)
        while plain > 0 && protectedResponseLength(plain: plain) > limit { plain -= 1 }
        return plain
    }
}
