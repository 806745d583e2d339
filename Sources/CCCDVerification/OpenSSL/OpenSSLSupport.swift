import CCCDCrypto
import COpenSSL
import Foundation

/// Small helpers over the OpenSSL C API used by this module.
enum OSSL {
    /// The oldest queued OpenSSL error as text; clears the (per-thread) queue.
    static func lastError() -> String { OpenSSLErrorQueue.takeLastError() }

    static func failure(_ function: String) -> VerificationCryptoError {
        .openSSL(function: function, reason: lastError())
    }

    /// The DER produced by an `i2d_*` function (two-pass: size, then bytes).
    static func derBytes(_ encode: (UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>?) -> Int32) -> [UInt8]? {
        let length = encode(nil)
        guard length > 0 else { return nil }
        var out = [UInt8](repeating: 0, count: Int(length))
        let written = out.withUnsafeMutableBufferPointer { buffer -> Int32 in
            var cursor: UnsafeMutablePointer<UInt8>? = buffer.baseAddress
            return encode(&cursor)
        }
        guard written == length else { return nil }
        return out
    }

    /// Calls a `d2i_*` function on `bytes`, requiring it to consume all of them.
    static func decode<T>(_ bytes: [UInt8], _ d2i: (UnsafeMutablePointer<UnsafePointer<UInt8>?>?, Int) -> T?) -> T? {
        guard !bytes.isEmpty else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> T? in
            var cursor: UnsafePointer<UInt8>? = buffer.baseAddress
            let value = d2i(&cursor, buffer.count)
            ERR_clear_error()
            return value
        }
    }

    /// An ASN1_TIME as a `Date` (nil when OpenSSL cannot interpret it).
    static func date(_ time: UnsafePointer<ASN1_TIME>?) -> Date? {
        guard let time else { return nil }
        var tm = tm()
        guard ASN1_TIME_to_tm(time, &tm) == 1 else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(timegm(&tm)))
    }

    /// An X509_NAME as an RFC 2253 string (UTF-8 kept), for reports.
    static func nameString(_ name: OpaquePointer?) -> String {
        guard let name, let bio = BIO_new(BIO_s_mem()) else { return "" }
        defer { BIO_free(bio) }
        // XN_FLAG_RFC2253 without ASN1_STRFLGS_ESC_MSB, so UTF-8 text stays readable
        // (the header macro is a chain Swift does not import).
        let flags: UInt = 0x313 | 0x10000 | 0x100000 | 0x1000000
        guard X509_NAME_print_ex(bio, name, 0, flags) >= 0 else { return "" }
        return bioString(bio)
    }

    static func bioString(_ bio: OpaquePointer) -> String {
        var pointer: UnsafeMutablePointer<CChar>?
        let length = BIO_ctrl(bio, BIO_CTRL_INFO, 0, &pointer)
        guard length > 0, let pointer else { return "" }
        return pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
    }

    /// The value of one attribute (e.g. `NID_countryName`) of a name.
    static func nameEntry(_ name: OpaquePointer?, nid: Int32) -> String? {
        guard let name else { return nil }
        let index = X509_NAME_get_index_by_NID(name, nid, -1)
        guard index >= 0, let entry = X509_NAME_get_entry(name, index),
            let data = X509_NAME_ENTRY_get_data(entry)
        else { return nil }
        var out: UnsafeMutablePointer<UInt8>?
        let length = ASN1_STRING_to_UTF8(&out, data)
        guard length >= 0, let out else { return nil }
        defer { CRYPTO_free(out, #fileID, #line) }
        return String(decoding: UnsafeBufferPointer(start: out, count: Int(length)), as: UTF8.self)
    }

    /// Bytes of an ASN1_STRING / ASN1_OCTET_STRING.
    static func bytes(ofString string: UnsafePointer<ASN1_STRING>?) -> [UInt8]? {
        guard let string, let data = ASN1_STRING_get0_data(string) else { return nil }
        return Array(UnsafeBufferPointer(start: data, count: Int(ASN1_STRING_length(string))))
    }

    /// A fetched message digest for a hash name (caller frees with EVP_MD_free).
    static func fetchDigest(_ name: String) throws(VerificationCryptoError) -> OpaquePointer {
        guard let md = EVP_MD_fetch(nil, name, nil) else { throw .unsupportedAlgorithm(name) }
        return md
    }
}

/// A `time_t` for OpenSSL from a `Date`.
extension Date {
    var timeT: time_t { time_t(timeIntervalSince1970.rounded(.down)) }
}
