/// How the virtual card behaves at the ISO 7816-4 level. Real chips differ in exactly these points,
/// so tests run the reader against several profiles.
public struct CardProfile: Sendable, Codable, Equatable {
    /// Accepts extended Lc/Le (and announces it in the ATR and EF.ATR/INFO).
    public var extendedLength: Bool
    /// Largest command data field accepted.
    public var maxCommandDataLength: Int
    /// Largest response data field returned in one response; larger Ne gets `67 00`.
    public var maxResponseDataLength: Int
    /// READ BINARY by short file identifier (P1 bit 8) is accepted; otherwise
    /// ``shortFileIdentifierRefusal`` (`6A 86` by default).
    public var shortFileIdentifiers: Bool
    /// The status word (SW1 SW2) refusing READ BINARY by SFI when ``shortFileIdentifiers`` is off.
    public var shortFileIdentifierRefusal: UInt16
    /// READ BINARY with odd INS `B1` (offsets beyond 32 767) is accepted; otherwise `6D 00`.
    public var oddInsReadBinary: Bool
    /// T=0 style: responses longer than 256 bytes are delivered through `61 xx` + GET RESPONSE.
    public var getResponseChaining: Bool
    /// EF.ATR/INFO (2F01) is present with the extended length information `7F66`.
    public var atrInfo: Bool
    /// What READ BINARY answers when Ne reaches past the end of the file.
    public var endOfFile: EndOfFileBehaviour
    /// Protected responses carry DO'99' (the status word inside the MAC). ICAO 9303-11 §9.8.4
    /// makes it optional; older chips leave it out.
    public var secureMessagingStatusObject: Bool
    /// Error status words (SW1 64–6F) of protected commands go back in clear and end the
    /// secure-messaging session (ICAO 9303-11 §9.8.5, as older chips do); otherwise protected.
    public var secureMessagingErrorsInClear: Bool
    /// The reader in front of the card (vpcd's name is fixed, so its limits are emulated here):
    /// whether it carries extended-length APDUs. Otherwise it answers `67 00` itself, in clear,
    /// without passing the command on (the card's secure-messaging state stays as it was).
    public var readerExtendedLength: Bool
    /// The reader's largest command APDU (bytes); a longer one gets `67 00` from the reader.
    public var readerMaxCommandLength: Int?
    /// The reader's largest response APDU (data and SW); a longer answer becomes `67 00`.
    public var readerMaxResponseLength: Int?

    public enum EndOfFileBehaviour: String, Sendable, Codable {
        /// The remaining bytes with `62 82` (ISO 7816-4).
        case warning
        /// `6C xx` with the exact number of remaining bytes (some chips; the reader re-issues).
        case exactLength
    }

    public init(extendedLength: Bool = true, maxCommandDataLength: Int = 65_535, maxResponseDataLength: Int = 65_536,
                shortFileIdentifiers: Bool = true, oddInsReadBinary: Bool = true, getResponseChaining: Bool = false,
                atrInfo: Bool = true, endOfFile: EndOfFileBehaviour = .warning, shortFileIdentifierRefusal: UInt16 = 0x6A86,
                secureMessagingStatusObject: Bool = true, secureMessagingErrorsInClear: Bool = false,
                readerExtendedLength: Bool = true, readerMaxCommandLength: Int? = nil, readerMaxResponseLength: Int? = nil) {
        self.readerExtendedLength = readerExtendedLength
        self.readerMaxCommandLength = readerMaxCommandLength
        self.readerMaxResponseLength = readerMaxResponseLength
        self.extendedLength = extendedLength
        self.maxCommandDataLength = maxCommandDataLength
        self.maxResponseDataLength = maxResponseDataLength
        self.shortFileIdentifiers = shortFileIdentifiers
        self.oddInsReadBinary = oddInsReadBinary
        self.getResponseChaining = getResponseChaining
        self.atrInfo = atrInfo
        self.endOfFile = endOfFile
        self.shortFileIdentifierRefusal = shortFileIdentifierRefusal
        self.secureMessagingStatusObject = secureMessagingStatusObject
        self.secureMessagingErrorsInClear = secureMessagingErrorsInClear
    }

    /// A modern chip: extended length up to 64 KB.
    public static let extended = CardProfile()
    /// A chip limited to short APDUs.
    public static let shortOnly = CardProfile(
        extendedLength: false, maxCommandDataLength: 255, maxResponseDataLength: 256)
    /// An older BAC-era chip that follows ICAO 9303-11 to the letter but no more: short APDUs only
    /// (longer answers, e.g. an RSA-2048 AA signature, through `61 xx` + GET RESPONSE), no EF.ATR/INFO,
    /// no READ BINARY by SFI (`6A 82`), no DO'99' in protected responses, errors in clear ending
    /// secure messaging.
    public static let lax = CardProfile(
        extendedLength: false, maxCommandDataLength: 255, maxResponseDataLength: 65_536, shortFileIdentifiers: false,
        getResponseChaining: true, atrInfo: false, shortFileIdentifierRefusal: 0x6A82, secureMessagingStatusObject: false,
        secureMessagingErrorsInClear: true)

    /// This chip behind an ACR122U-like reader: no extended APDUs (`67 00` from the reader),
    /// 271-byte messages; answers longer than 256 bytes (an RSA-2048 AA signature under secure
    /// messaging) come through `61 xx` + GET RESPONSE. The chip itself still announces extended
    /// length in its ATR and EF.ATR/INFO — what a first read must not trust on this reader.
    public var behindACR122U: CardProfile {
        var p = self
        p.readerExtendedLength = false
        p.readerMaxCommandLength = 271
        p.readerMaxResponseLength = 271
        p.getResponseChaining = true
        return p
    }

    /// This chip behind a reader that takes commands of at most 255 bytes (as the ACR1281 does)
    /// and no extended APDUs; long answers through `61 xx` + GET RESPONSE.
    public var behind255ByteReader: CardProfile {
        var p = self
        p.readerExtendedLength = false
        p.readerMaxCommandLength = 255
        p.getResponseChaining = true
        return p
    }

    /// The reader emulations of `cccd sim --profile` (applied on top of the chip's profile).
    public static let readerEmulations = ["acr122u", "cmd255"]

    /// The chip `profile` behind the named reader emulation; nil for an unknown name.
    public func behind(reader name: String) -> CardProfile? {
        switch name {
        case "acr122u": behindACR122U
        case "cmd255": behind255ByteReader
        default: nil
        }
    }

    /// The named profiles of `cccd sim --profile`.
    public static func named(_ name: String) -> CardProfile? {
        switch name {
        case "extended": .extended
        case "short": .shortOnly
        case "lax": .lax
        default: CardProfile.extended.behind(reader: name)
        }
    }

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

extension CardProfile {
    private enum CodingKeys: String, CodingKey {
        case extendedLength, maxCommandDataLength, maxResponseDataLength, shortFileIdentifiers, oddInsReadBinary,
            getResponseChaining, atrInfo, endOfFile, shortFileIdentifierRefusal, secureMessagingStatusObject,
            secureMessagingErrorsInClear, readerExtendedLength, readerMaxCommandLength, readerMaxResponseLength
    }

    /// Every key is optional (a `card.json` names only what differs from ``extended``).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = CardProfile.extended
        self.init(
            extendedLength: try c.decodeIfPresent(Bool.self, forKey: .extendedLength) ?? d.extendedLength,
            maxCommandDataLength: try c.decodeIfPresent(Int.self, forKey: .maxCommandDataLength) ?? d.maxCommandDataLength,
            maxResponseDataLength: try c.decodeIfPresent(Int.self, forKey: .maxResponseDataLength) ?? d.maxResponseDataLength,
            shortFileIdentifiers: try c.decodeIfPresent(Bool.self, forKey: .shortFileIdentifiers) ?? d.shortFileIdentifiers,
            oddInsReadBinary: try c.decodeIfPresent(Bool.self, forKey: .oddInsReadBinary) ?? d.oddInsReadBinary,
            getResponseChaining: try c.decodeIfPresent(Bool.self, forKey: .getResponseChaining) ?? d.getResponseChaining,
            atrInfo: try c.decodeIfPresent(Bool.self, forKey: .atrInfo) ?? d.atrInfo,
            endOfFile: try c.decodeIfPresent(EndOfFileBehaviour.self, forKey: .endOfFile) ?? d.endOfFile,
            shortFileIdentifierRefusal: try c.decodeIfPresent(UInt16.self, forKey: .shortFileIdentifierRefusal)
                ?? d.shortFileIdentifierRefusal,
            secureMessagingStatusObject: try c.decodeIfPresent(Bool.self, forKey: .secureMessagingStatusObject)
                ?? d.secureMessagingStatusObject,
            secureMessagingErrorsInClear: try c.decodeIfPresent(Bool.self, forKey: .secureMessagingErrorsInClear)
                ?? d.secureMessagingErrorsInClear,
            readerExtendedLength: try c.decodeIfPresent(Bool.self, forKey: .readerExtendedLength) ?? d.readerExtendedLength,
            readerMaxCommandLength: try c.decodeIfPresent(Int.self, forKey: .readerMaxCommandLength),
            readerMaxResponseLength: try c.decodeIfPresent(Int.self, forKey: .readerMaxResponseLength))
    }
}
