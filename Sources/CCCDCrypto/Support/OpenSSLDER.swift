import COpenSSL

/// DER in and out of OpenSSL objects (`i2d_*` / `d2i_*`), for every module that holds OpenSSL objects
/// (certificates, CRLs, keys, signatures, test PKI).
public enum OpenSSLDER {
    /// The DER produced by an `i2d_*` function (two passes: size, then bytes); nil when it fails.
    public static func encode(_ i2d: (UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>?) -> Int32) -> [UInt8]? {
        let length = i2d(nil)
        guard length > 0 else { return nil }
        var out = [UInt8](repeating: 0, count: Int(length))
        let written = out.withUnsafeMutableBufferPointer { buffer -> Int32 in
            var cursor: UnsafeMutablePointer<UInt8>? = buffer.baseAddress
            return i2d(&cursor)
        }
        guard written == length else { return nil }
        return out
    }

    /// Calls a `d2i_*` function on `bytes` (nil for empty input); clears the error queue a failure leaves.
    public static func decode<T>(_ bytes: [UInt8], _ d2i: (UnsafeMutablePointer<UnsafePointer<UInt8>?>?, Int) -> T?) -> T? {
        guard !bytes.isEmpty else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> T? in
            var cursor: UnsafePointer<UInt8>? = buffer.baseAddress
            let value = d2i(&cursor, buffer.count)
            ERR_clear_error()
            return value
        }
    }
}

/// Memory BIOs: PEM text into `PEM_read_bio_*`, text out of `PEM_write_bio_*` and `*_print_ex`.
public enum OpenSSLBIO {
    /// Runs `body` on a read-only memory BIO over `bytes`; nil when the BIO cannot be made.
    @discardableResult
    public static func reading<T>(_ bytes: [UInt8], _ body: (OpaquePointer) -> T) -> T? {
        bytes.withUnsafeBufferPointer { buffer -> T? in
            guard let bio = BIO_new_mem_buf(buffer.baseAddress, Int32(buffer.count)) else { return nil }
            defer { BIO_free(bio) }
            return body(bio)
        }
    }

    /// The text `write` puts into a fresh memory BIO (UTF-8); nil when the BIO cannot be made or `write`
    /// returns false.
    public static func writing(_ write: (OpaquePointer) -> Bool) -> String? {
        guard let bio = BIO_new(BIO_s_mem()) else { return nil }
        defer { BIO_free(bio) }
        guard write(bio) else { return nil }
        var pointer: UnsafeMutablePointer<CChar>?
        let length = BIO_ctrl(bio, BIO_CTRL_INFO, 0, &pointer)
        guard length > 0, let pointer else { return "" }
        return pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
    }
}
