import CTurboJPEG

/// JPEG → RGB with libjpeg-turbo, then upright according to the EXIF orientation.
enum JPEGDecoder {
    static func decode(_ data: [UInt8], limits: ImageLimits) throws(FaceError) -> DecodedImage {
        guard let handle = tjInitDecompress() else { throw .internalError("tjInitDecompress failed") }
        defer { tjDestroy(handle) }
        var width: Int32 = 0, height: Int32 = 0, subsampling: Int32 = 0, colorspace: Int32 = 0
        let header = data.withUnsafeBufferPointer {
            tjDecompressHeader3(handle, $0.baseAddress, UInt(data.count), &width, &height, &subsampling, &colorspace)
        }
        guard header == 0 else { throw .corruptImage(format: .jpeg, reason: message(handle)) }
        try limits.check(width: Int(width), height: Int(height))

        var pixels = [UInt8](repeating: 0, count: Int(width) * Int(height) * 3)
        // Warnings (e.g. premature end of data) are failures too: a half-grey photo must not be compared.
        // TJFLAG_LIMITSCANS: a progressive JPEG with more than 500 scans is refused — thousands of
        // tiny scans make libjpeg re-run the whole image each time (CPU exhaustion on a small upload).
        let flags = Int32(TJFLAG_STOPONWARNING | TJFLAG_ACCURATEDCT | TJFLAG_LIMITSCANS)
        let status = data.withUnsafeBufferPointer { source in
            pixels.withUnsafeMutableBufferPointer { target in
                tjDecompress2(handle, source.baseAddress, UInt(data.count), target.baseAddress,
                              width, 0, height, Int32(TJPF_RGB.rawValue), flags)
            }
        }
        guard status == 0 else { throw .corruptImage(format: .jpeg, reason: message(handle)) }
        let image = DecodedImage(width: Int(width), height: Int(height), pixels: pixels)
        return ExifOrientation(jpeg: data).applied(to: image)
    }

    private static func message(_ handle: tjhandle) -> String {
        guard let text = tjGetErrorStr2(handle) else { return "unknown error" }
        return String(cString: text)
    }
}
