/// Checks that a JP2 file's boxes and the codestream's end marker are all present before OpenJPEG sees
/// the bytes. Debian's OpenJPEG is built with assertions, and some truncated files trip one (aborting
/// the process) instead of returning an error; a truncated file is refused here instead.
enum JPEG2000Structure {
    static func validate(_ data: [UInt8], format: ImageFormat) throws(FaceError) {
        switch format {
        case .j2k:
            try checkCodestream(data[...], format: format)
        case .jp2:
            var offset = 0
            var codestream: ArraySlice<UInt8>?
            while offset < data.count {
                guard offset + 8 <= data.count else { throw truncated(format) }
                var length = Int(read(data, offset, 4))
                let type = read(data, offset + 4, 4)
                var header = 8
                if length == 1 {
                    guard offset + 16 <= data.count else { throw truncated(format) }
                    let extended = read(data, offset + 8, 8)
                    guard extended <= UInt64(Int.max) else { throw truncated(format) }
                    length = Int(extended)
                    header = 16
                } else if length == 0 {
                    length = data.count - offset  // the last box runs to the end of the file
                }
                guard length >= header, offset + length <= data.count else { throw truncated(format) }
                if type == 0x6A70_3263 {  // "jp2c": the contiguous codestream
                    codestream = data[(offset + header)..<(offset + length)]
                }
                offset += length
            }
            guard let codestream else { throw FaceError.corruptImage(format: format, reason: "no codestream box") }
            try checkCodestream(codestream, format: format)
        default:
            return
        }
    }

    private static func checkCodestream(_ bytes: ArraySlice<UInt8>, format: ImageFormat) throws(FaceError) {
        // SOC + SIZ at the start, EOC at the end.
        guard bytes.count >= 6, bytes[bytes.startIndex] == 0xFF, bytes[bytes.startIndex + 1] == 0x4F else {
            throw FaceError.corruptImage(format: format, reason: "not a JPEG 2000 codestream")
        }
        guard bytes[bytes.endIndex - 2] == 0xFF, bytes[bytes.endIndex - 1] == 0xD9 else { throw truncated(format) }
    }

    private static func read(_ data: [UInt8], _ offset: Int, _ count: Int) -> UInt64 {
        data[offset..<(offset + count)].reduce(0) { $0 << 8 | UInt64($1) }
    }

    private static func truncated(_ format: ImageFormat) -> FaceError {
        .corruptImage(format: format, reason: "truncated")
    }
}
