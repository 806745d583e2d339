import CCCDCrypto
import COpenSSL
import Foundation

/// Small helpers over the OpenSSL C API for this module's X.509 types (DER, BIO and the error queue are
/// CCCDCrypto's: `OpenSSLDER`, `OpenSSLBIO`, `OpenSSLErrorQueue`).
enum OSSL {
    /// The oldest queued OpenSSL error as text; clears the (per-thread) queue.
    static func lastError() -> String { OpenSSLErrorQueue.takeLastError() }

    static func failure(_ function: String) -> VerificationCryptoError {
        .openSSL(function: function, reason: lastError())
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
        guard let name else { return "" }
        // XN_FLAG_RFC2253 without ASN1_STRFLGS_ESC_MSB, so UTF-8 text stays readable
        // (the header macro is a chain Swift does not import).
        let flags: UInt = 0x313 | 0x10000 | 0x100000 | 0x1000000
        return OpenSSLBIO.writing({ X509_NAME_print_ex($0, name, 0, flags) >= 0 }) ?? ""
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
