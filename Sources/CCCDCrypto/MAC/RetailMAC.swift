/// ISO/IEC 9797-1 MAC algorithm 3 ("retail MAC") with single DES, IV = 0, as used by BAC and 3DES
/// secure messaging: DES-CBC under K1 over all blocks, then the final block is decrypted under K2
/// and encrypted again under K1. All block operations are OpenSSL DES calls.
public enum RetailMAC {
    /// The 8-byte MAC of `data`, which must already be padded to a multiple of 8 bytes (secure
    /// messaging pads explicitly). `key` is the 16-byte two-key 3DES key K1‖K2.
    public static func authenticate(key: [UInt8], paddedData data: [UInt8]) throws(CryptoError) -> [UInt8] {
        guard key.count == 16 else { throw .invalidKeyLength(algorithm: "ISO 9797-1 MAC algorithm 3", length: key.count) }
        guard !data.isEmpty, data.count % 8 == 0 else { throw .inputNotBlockAligned(blockSize: 8, length: data.count) }
        let k1 = Array(key[0..<8])
        let k2 = Array(key[8..<16])
        // Only the last CBC output block is needed: H_n = E_K1(x_n ⊕ H_{n-1}).
        let chain = try DES.encryptCBC(key: k1, data: data)
        let last = Array(chain[(chain.count - 8)...])
        let decrypted = try DES.decryptECB(key: k2, data: last)
        return try DES.encryptECB(key: k1, data: decrypted)
    }

    /// The MAC of `data` after padding method 2.
    public static func authenticate(key: [UInt8], data: [UInt8]) throws(CryptoError) -> [UInt8] {
        try authenticate(key: key, paddedData: ISO9797Padding.pad(data, blockSize: 8))
    }
}
