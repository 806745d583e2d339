/// The EXIF orientation tag (0x0112) of a camera JPEG: how the stored pixels must be turned to be
/// upright. Only the tag is read (APP1 "Exif" segment, TIFF IFD0); everything else is ignored.
enum ExifOrientation: Int {
    case up = 1, mirrored = 2, upsideDown = 3, upsideDownMirrored = 4
    case transposed = 5, rotatedClockwise = 6, transverse = 7, rotatedCounterClockwise = 8

    init(jpeg data: [UInt8]) {
        self = Self.find(in: data).flatMap(ExifOrientation.init(rawValue:)) ?? .up
    }

    /// Walks the JPEG marker segments up to the start of scan and reads the tag from an Exif APP1.
    private static func find(in data: [UInt8]) -> Int? {
        var offset = 2
        while offset + 4 <= data.count, data[offset] == 0xFF {
            let marker = data[offset + 1]
            if marker == 0xDA || marker == 0xD9 { return nil }
            let length = Int(data[offset + 2]) << 8 | Int(data[offset + 3])
            guard length >= 2, offset + 2 + length <= data.count else { return nil }
            let body = (offset + 4)..<(offset + 2 + length)
            if marker == 0xE1, body.count > 14, Array(data[body.lowerBound..<body.lowerBound + 6]) == Array("Exif\0\0".utf8) {
                return orientation(tiff: Array(data[(body.lowerBound + 6)..<body.upperBound]))
            }
            offset += 2 + length
        }
        return nil
    }

    private static func orientation(tiff: [UInt8]) -> Int? {
        guard tiff.count >= 8 else { return nil }
        let littleEndian: Bool
        switch (tiff[0], tiff[1]) {
        case (0x49, 0x49): littleEndian = true
        case (0x4D, 0x4D): littleEndian = false
        default: return nil
        }
        func u16(_ at: Int) -> Int? {
            guard at >= 0, at + 2 <= tiff.count else { return nil }
            return littleEndian ? Int(tiff[at]) | Int(tiff[at + 1]) << 8 : Int(tiff[at]) << 8 | Int(tiff[at + 1])
        }
        func u32(_ at: Int) -> Int? {
            guard let high = u16(littleEndian ? at + 2 : at), let low = u16(littleEndian ? at : at + 2) else { return nil }
            return high << 16 | low
        }
        guard let ifd = u32(4), let count = u16(ifd) else { return nil }
        for entry in 0..<min(count, 512) {
            let at = ifd + 2 + entry * 12
            guard let tag = u16(at) else { return nil }
            if tag == 0x0112 { return u16(at + 8) }  // SHORT value, left-justified in the value field
        }
        return nil
    }

    /// The upright image (a copy when a turn or flip is needed).
    func applied(to image: DecodedImage) -> DecodedImage {
        if self == .up { return image }
        let (w, h) = (image.width, image.height)
        let swaps = rawValue >= 5
        let (outW, outH) = swaps ? (h, w) : (w, h)
        var out = [UInt8](repeating: 0, count: image.pixels.count)
        image.pixels.withUnsafeBufferPointer { source in
            out.withUnsafeMutableBufferPointer { target in
                for y in 0..<outH {
                    for x in 0..<outW {
                        let (sx, sy): (Int, Int)
                        switch self {
                        case .up: (sx, sy) = (x, y)
                        case .mirrored: (sx, sy) = (w - 1 - x, y)
                        case .upsideDown: (sx, sy) = (w - 1 - x, h - 1 - y)
                        case .upsideDownMirrored: (sx, sy) = (x, h - 1 - y)
                        case .transposed: (sx, sy) = (y, x)
                        case .rotatedClockwise: (sx, sy) = (y, h - 1 - x)
                        case .transverse: (sx, sy) = (w - 1 - y, h - 1 - x)
                        case .rotatedCounterClockwise: (sx, sy) = (w - 1 - y, x)
                        }
                        let s = (sy * w + sx) * 3, t = (y * outW + x) * 3
                        target[t] = source[s]
                        target[t + 1] = source[s + 1]
                        target[t + 2] = source[s + 2]
                    }
                }
            }
        }
        return DecodedImage(width: outW, height: outH, pixels: out)
    }
}
