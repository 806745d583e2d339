/// The encoded formats `FaceImage` decodes.
public enum ImageFormat: String, Sendable, Codable, CustomStringConvertible {
    case jpeg
    /// JPEG 2000 in its JP2 file format (ISO/IEC 15444-1 annex I).
    case jp2
    /// A raw JPEG 2000 codestream (as some chips store DG2 images).
    case j2k
    case png
    /// WebP (RIFF container), as browsers' `canvas.toBlob` and phones produce it.
    case webp

    /// Recognizes the format from the first bytes, or nil.
    public init?(sniffing bytes: some Collection<UInt8>) {
        let head = Array(bytes.prefix(12))
        func starts(_ magic: [UInt8]) -> Bool { head.count >= magic.count && Array(head[..<magic.count]) == magic }
        if starts([0xFF, 0xD8, 0xFF]) {
            self = .jpeg
        } else if starts([0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20, 0x0D, 0x0A, 0x87, 0x0A]) {
            self = .jp2
        } else if starts([0xFF, 0x4F, 0xFF, 0x51]) {
            self = .j2k
        } else if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            self = .png
        } else if head.count == 12, Array(head[0..<4]) == Array("RIFF".utf8), Array(head[8..<12]) == Array("WEBP".utf8) {
            self = .webp
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .jpeg: "JPEG"
        case .jp2: "JPEG 2000 (JP2)"
        case .j2k: "JPEG 2000 codestream"
        case .png: "PNG"
        case .webp: "WebP"
        }
    }
}
