import CTurboJPEG

/// RGB → JPEG with libjpeg-turbo: lets browsers show chip photos stored as JPEG 2000.
public enum JPEGEncoder {
    /// Encodes `image` (quality 1–100, 4:2:0 subsampling).
    public static func encode(_ image: FaceImage, quality: Int = 90) throws(FaceError) -> [UInt8] {
        guard let handle = tjInitCompress() else { throw .internalError("tjInitCompress failed") }
        defer { tjDestroy(handle) }
        var output: UnsafeMutablePointer<UInt8>?
        var size: UInt = 0
        let status = image.pixels.withUnsafeBufferPointer { pixels in
            tjCompress2(handle, pixels.baseAddress, Int32(image.width), 0, Int32(image.height), Int32(TJPF_RGB.rawValue),
                        &output, &size, Int32(TJSAMP_420.rawValue), Int32(max(1, min(100, quality))), Int32(TJFLAG_ACCURATEDCT))
        }
        defer { if let output { tjFree(output) } }
        guard status == 0, let output else {
            let reason = tjGetErrorStr2(handle).map { String(cString: $0) } ?? "unknown error"
            throw .internalError("JPEG encoding failed: \(reason)")
        }
        return Array(UnsafeBufferPointer(start: output, count: Int(size)))
    }
}
