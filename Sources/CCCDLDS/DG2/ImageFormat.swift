/// The encoding of a facial image, detected from its first bytes.
public enum ImageFormat: String, Sendable, Hashable, Codable, CaseIterable {
    /// JPEG (`FF D8`).
    case jpeg
    /// JPEG 2000 file format (`00 00 00 0C 6A 50 20 20`).
    case jp2
    /// A bare JPEG 2000 codestream (`FF 4F FF 51`).
    case j2k
    /// None of the above.
    case unknown

    /// Whether the format is a JPEG 2000 variant.
    public var isJPEG2000: Bool { self == .jp2 || self == .j2k }

    /// Detects the format from the magic bytes at the start of `bytes`.
    public static func detect<Bytes: Collection>(_ bytes: Bytes) -> ImageFormat where Bytes.Element == UInt8 {
        if bytes.starts(with: [0xFF, 0xD8]) { return .jpeg }
        if bytes.starts(with: [0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20]) { return .jp2 }
        if bytes.starts(with: [0xFF, 0x4F, 0xFF, 0x51]) { return .j2k }
        return .unknown
    }
}
