import COpenSSL
import Foundation

enum OSSLGen {
    static func failure(_ function: String) -> TestDataError {
        let code = ERR_get_error()
        defer { ERR_clear_error() }
        var buffer = [CChar](repeating: 0, count: 256)
        if code != 0 { ERR_error_string_n(code, &buffer, buffer.count) }
        let reason = code == 0 ? "unknown" : String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return .openSSL(function: function, reason: reason)
    }

    static func derBytes(_ encode: (UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>?) -> Int32) -> [UInt8]? {
        let length = encode(nil)
        guard length > 0 else { return nil }
        var out = [UInt8](repeating: 0, count: Int(length))
        let written = out.withUnsafeMutableBufferPointer { buffer -> Int32 in
            var cursor: UnsafeMutablePointer<UInt8>? = buffer.baseAddress
            return encode(&cursor)
        }
        return written == length ? out : nil
    }

    static func decode<T>(_ bytes: [UInt8], _ d2i: (UnsafeMutablePointer<UnsafePointer<UInt8>?>?, Int) -> T?) -> T? {
        bytes.withUnsafeBufferPointer { buffer -> T? in
            var cursor: UnsafePointer<UInt8>? = buffer.baseAddress
            return d2i(&cursor, buffer.count)
        }
    }

    /// Text written by a PEM_write_bio_* call.
    static func pem(_ write: (OpaquePointer) -> Int32) throws(TestDataError) -> String {
        guard let bio = BIO_new(BIO_s_mem()) else { throw failure("BIO_new") }
        defer { BIO_free(bio) }
        guard write(bio) == 1 else { throw failure("PEM_write_bio") }
        var pointer: UnsafeMutablePointer<CChar>?
        let length = BIO_ctrl(bio, 3 /* BIO_CTRL_INFO */, 0, &pointer)
        guard length > 0, let pointer else { throw failure("BIO_get_mem_data") }
        return pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
    }

    /// A value read from PEM text by a PEM_read_bio_* call.
    static func fromPEM<T>(_ text: String, _ read: (OpaquePointer) -> T?) -> T? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer -> T? in
            guard let bio = BIO_new_mem_buf(buffer.baseAddress, Int32(buffer.count)) else { return nil }
            defer { BIO_free(bio) }
            return read(bio)
        }
    }

    /// ASN1_TIME for "YYYY-MM-DD".
    static func time(_ isoDate: String) throws(TestDataError) -> UnsafeMutablePointer<ASN1_TIME> {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        guard let date = formatter.date(from: isoDate) else { throw .invalidInput("date \(isoDate)") }
        guard let time = ASN1_TIME_set(nil, time_t(date.timeIntervalSince1970)) else { throw failure("ASN1_TIME_set") }
        return time
    }
}
