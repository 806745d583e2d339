import COpenSSL

/// OpenSSL's per-thread error queue, for every module that calls OpenSSL.
public enum OpenSSLErrorQueue {
    /// The oldest queued OpenSSL error as text, and clears the queue (errors are per thread).
    public static func takeLastError() -> String {
        let code = ERR_get_error()
        defer { ERR_clear_error() }
        guard code != 0 else { return "unknown error" }
        var buffer = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(code, &buffer, buffer.count)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// Helpers shared by the OpenSSL wrappers.
enum OpenSSL {
    static func lastError() -> String { OpenSSLErrorQueue.takeLastError() }

    static func failure(_ function: String) -> CryptoError {
        .openSSL(function: function, reason: lastError())
    }
}

/// An algorithm object fetched once from the default provider and kept for the process lifetime.
/// OpenSSL documents fetched EVP_CIPHER / EVP_MAC / EVP_MD objects as immutable and shareable
/// between threads, hence `@unchecked Sendable`.
final class FetchedAlgorithm: @unchecked Sendable {
    let pointer: OpaquePointer?
    let name: String

    init(cipher name: String) {
        self.name = name
        pointer = EVP_CIPHER_fetch(nil, name, nil)
    }

    init(mac name: String) {
        self.name = name
        pointer = EVP_MAC_fetch(nil, name, nil)
    }

    init(digest name: String) {
        self.name = name
        pointer = EVP_MD_fetch(nil, name, nil)
    }

    func get() throws(CryptoError) -> OpaquePointer {
        guard let pointer else { throw .unsupportedAlgorithm(name) }
        return pointer
    }
}

/// Constant-time comparison (OpenSSL `CRYPTO_memcmp`), for MACs and tokens.
public func constantTimeEquals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    guard a.count == b.count else { return false }
    if a.isEmpty { return true }
    return a.withUnsafeBytes { pa in
        b.withUnsafeBytes { pb in CRYPTO_memcmp(pa.baseAddress, pb.baseAddress, a.count) == 0 }
    }
}
