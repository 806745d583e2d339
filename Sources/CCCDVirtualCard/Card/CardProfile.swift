/// How the virtual card behaves at the ISO 7816-4 level. Real chips differ in exactly these points,
/// so tests run the reader against several profiles.
public struct CardProfile: Sendable, Codable, Equatable {
    /// Accepts extended Lc/Le (and announces it in the ATR and EF.ATR/INFO).
    public var extendedLength: Bool
    /// Largest command data field accepted.
    public var maxCommandDataLength: Int
    /// Largest response data field returned in one response; larger Ne gets `67 00`.
    public var maxResponseDataLength: Int
    /// READ BINARY by short file identifier (P1 bit 8) is accepted; otherwise `6A 86`.
    public var shortFileIdentifiers: Bool
    /// READ BINARY with odd INS `B1` (offsets beyond 32 767) is accepted; otherwise `6D 00`.
    public var oddInsReadBinary: Bool
    /// T=0 style: responses longer than 256 bytes are delivered through `61 xx` + GET RESPONSE.
    public var getResponseChaining: Bool
    /// EF.ATR/INFO (2F01) is present with the extended length information `7F66`.
    public var atrInfo: Bool
    /// What READ BINARY answers when Ne reaches past the end of the file.
    public var endOfFile: EndOfFileBehaviour

    public enum EndOfFileBehaviour: String, Sendable, Codable {
        /// The remaining bytes with `62 82` (ISO 7816-4).
        case warning
        /// `6C xx` with the exact number of remaining bytes (some chips; the reader re-issues).
        case exactLength
    }

    public init(extendedLength: Bool = true, maxCommandDataLength: Int = 65_535, maxResponseDataLength: Int = 65_536,
                shortFileIdentifiers: Bool = true, oddInsReadBinary: Bool = true, getResponseChaining: Bool = false,
                atrInfo: Bool = true, endOfFile: EndOfFileBehaviour = .warning) {
        self.extendedLength = extendedLength
        self.maxCommandDataLength = maxCommandDataLength
        self.maxResponseDataLength = maxResponseDataLength
        self.shortFileIdentifiers = shortFileIdentifiers
        self.oddInsReadBinary = oddInsReadBinary
        self.getResponseChaining = getResponseChaining
        self.atrInfo = atrInfo
        self.endOfFile = endOfFile
    }

    /// A modern chip: extended length up to 64 KB.
    public static let extended = CardProfile()
    /// A chip limited to short APDUs.
    public static let shortOnly = CardProfile(
        extendedLength: false, maxCommandDataLength: 255, maxResponseDataLength: 256)

    /// ATR historical bytes (ISO 7816-4 §12.1.1): category 80, card capabilities (tag 7, length 3):
    /// selection by DF name, path, FID and SFI; data coding 21; chaining, extended Lc/Le and
    /// EF.ATR/INFO as applicable.
    public var historicalBytes: [UInt8] {
        var third: UInt8 = 0x80
        if extendedLength { third |= 0x40 }
        if atrInfo { third |= 0x20 }
        return [0x80, 0x73, 0xB4, 0x21, third]
    }

    /// The ATR a PC/SC contactless reader builds for an ISO 14443-4 card (PC/SC part 3 §3.1.3.2.3):
    /// `3B 8n 80 01` + historical bytes + TCK.
    public var atr: [UInt8] {
        let hist = historicalBytes
        var atr: [UInt8] = [0x3B, 0x80 | UInt8(hist.count), 0x80, 0x01] + hist
        atr.append(atr.dropFirst().reduce(0, ^))
        return atr
    }

    /// Contents of EF.ATR/INFO: the extended length information DO `7F66` with the maximum command
    /// and response lengths (ISO 7816-4 §12.7.1).
    public var atrInfoContents: [UInt8] {
        let cmd = min(maxCommandDataLength, 0xFFFF)
        let rsp = min(maxResponseDataLength, 0xFFFF)
        return [0x7F, 0x66, 0x08, 0x02, 0x02, UInt8(cmd >> 8), UInt8(cmd & 0xFF), 0x02, 0x02,
                UInt8(rsp >> 8), UInt8(rsp & 0xFF)]
    }
}
