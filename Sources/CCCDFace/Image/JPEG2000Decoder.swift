import COpenJPEG

/// JPEG 2000 (JP2 file or J2K codestream) → RGB with OpenJPEG, in strict mode so that a truncated
/// codestream is an error rather than a partly decoded picture.
enum JPEG2000Decoder {
    static func decode(_ data: [UInt8], format: ImageFormat, limits: ImageLimits) throws(FaceError) -> DecodedImage {
        try JPEG2000Structure.validate(data, format: format)
        guard let codec = opj_create_decompress(format == .jp2 ? OPJ_CODEC_JP2 : OPJ_CODEC_J2K) else {
            throw .internalError("opj_create_decompress failed")
        }
        defer { opj_destroy_codec(codec) }
        let source = StreamSource(data)
        let context = Unmanaged.passRetained(source)
        defer { context.release() }
        let user = context.toOpaque()
        opj_set_error_handler(codec, { message, user in
            guard let message, let user else { return }
            Unmanaged<StreamSource>.fromOpaque(user).takeUnretainedValue().lastError = String(cString: message)
        }, user)
        opj_set_warning_handler(codec, { _, _ in }, nil)
        opj_set_info_handler(codec, { _, _ in }, nil)

        var parameters = opj_dparameters_t()
        opj_set_default_decoder_parameters(&parameters)
        guard opj_setup_decoder(codec, &parameters) != 0 else { throw .internalError("opj_setup_decoder failed") }
        _ = opj_decoder_set_strict_mode(codec, 1)

        guard let stream = opj_stream_create(OPJ_SIZE_T(OPJ_J2K_STREAM_CHUNK_SIZE), 1) else {
            throw .internalError("opj_stream_create failed")
        }
        defer { opj_stream_destroy(stream) }
        opj_stream_set_user_data(stream, user, nil)
        opj_stream_set_user_data_length(stream, OPJ_UINT64(data.count))
        opj_stream_set_read_function(stream) { buffer, count, user in
            guard let buffer, let user else { return endOfStream }
            return Unmanaged<StreamSource>.fromOpaque(user).takeUnretainedValue().read(into: buffer, count: Int(count))
        }
        opj_stream_set_skip_function(stream) { count, user in
            guard let user else { return -1 }
            return Unmanaged<StreamSource>.fromOpaque(user).takeUnretainedValue().skip(count)
        }
        opj_stream_set_seek_function(stream) { position, user in
            guard let user else { return 0 }
            return Unmanaged<StreamSource>.fromOpaque(user).takeUnretainedValue().seek(to: position) ? 1 : 0
        }

        var imagePointer: UnsafeMutablePointer<opj_image_t>?
        defer { if let imagePointer { opj_image_destroy(imagePointer) } }
        guard opj_read_header(stream, codec, &imagePointer) != 0, let header = imagePointer?.pointee else {
            throw .corruptImage(format: format, reason: source.lastError ?? "unreadable header")
        }
        let width = Int(header.x1) - Int(header.x0), height = Int(header.y1) - Int(header.y0)
        guard width > 0, height > 0 else { throw .corruptImage(format: format, reason: "empty image") }
        try limits.check(width: width, height: height)

        guard opj_decode(codec, stream, imagePointer) != 0, opj_end_decompress(codec, stream) != 0,
              let image = imagePointer?.pointee
        else {
            throw .corruptImage(format: format, reason: source.lastError ?? "decoding failed")
        }
        return try rgb(image, width: width, height: height, format: format)
    }

    /// Interleaves the decoded components into 8-bit RGB (grey images are replicated).
    private static func rgb(_ image: opj_image_t, width: Int, height: Int, format: ImageFormat) throws(FaceError) -> DecodedImage {
        let count = Int(image.numcomps)
        guard count >= 1, let components = image.comps else { throw .corruptImage(format: format, reason: "no components") }
        if image.color_space == OPJ_CLRSPC_SYCC || image.color_space == OPJ_CLRSPC_CMYK
            || image.color_space == OPJ_CLRSPC_EYCC {
            throw .corruptImage(format: format, reason: "unsupported colour space")
        }
        let channels = count >= 3 ? [0, 1, 2] : [0, 0, 0]
        for index in Set(channels) {
            let component = components[index]
            guard Int(component.w) == width, Int(component.h) == height, component.data != nil,
                  component.prec >= 1, component.prec <= 16
            else { throw .corruptImage(format: format, reason: "subsampled or malformed components") }
        }
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        for (channel, index) in channels.enumerated() {
            let component = components[index]
            let data = component.data!
            let precision = Int(component.prec)
            let offset: Int32 = component.sgnd != 0 ? 1 << (precision - 1) : 0
            let maximum = Int32((1 << precision) - 1)
            for i in 0..<(width * height) {
                let value = min(max(data[i] + offset, 0), maximum)
                let byte = precision >= 8 ? value >> (precision - 8) : value << (8 - precision)
                pixels[i * 3 + channel] = UInt8(truncatingIfNeeded: byte)
            }
        }
        return DecodedImage(width: width, height: height, pixels: pixels)
    }
}

/// `(OPJ_SIZE_T)-1`, OpenJPEG's end-of-stream answer (size_t is imported as Int, so this is -1 and
/// not `.max`).
private let endOfStream = OPJ_SIZE_T(bitPattern: UInt(bitPattern: -1))

/// The encoded bytes behind OpenJPEG's stream callbacks, plus the last error it reported.
private final class StreamSource {
    let data: [UInt8]
    var position = 0
    var lastError: String?

    init(_ data: [UInt8]) { self.data = data }

    func read(into buffer: UnsafeMutableRawPointer, count: Int) -> OPJ_SIZE_T {
        let available = data.count - position
        guard available > 0 else { return endOfStream }
        let n = min(count, available)
        data.withUnsafeBytes { buffer.copyMemory(from: $0.baseAddress! + position, byteCount: n) }
        position += n
        return OPJ_SIZE_T(n)
    }

    func skip(_ count: OPJ_OFF_T) -> OPJ_OFF_T {
        let target = min(max(position + Int(count), 0), data.count)
        defer { position = target }
        return OPJ_OFF_T(target - position)
    }

    func seek(to offset: OPJ_OFF_T) -> Bool {
        guard offset >= 0, offset <= data.count else { return false }
        position = Int(offset)
        return true
    }
}
