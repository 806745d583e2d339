import CCCDCrypto
import COpenSSL
import Foundation

/// The test PKI's adapters over CCCDCrypto's OpenSSL helpers (`OpenSSLErrorQueue`, `OpenSSLBIO`), with
/// its error type.
enum OSSLGen {
    static func failure(_ function: String) -> TestDataError {
        .openSSL(function: function, reason: OpenSSLErrorQueue.takeLastError())
    }

    /// Text written by a PEM_write_bio_* call.
    static func pem(_ write: (OpaquePointer) -> Int32) throws(TestDataError) -> String {
        guard let text = OpenSSLBIO.writing({ write($0) == 1 }), !text.isEmpty else { throw failure("PEM_write_bio") }
        return text
    }

    /// A value read from PEM text by a PEM_read_bio_* call.
    static func fromPEM<T>(_ text: String, _ read: (OpaquePointer) -> T?) -> T? {
        OpenSSLBIO.reading(Array(text.utf8), read) ?? nil
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
