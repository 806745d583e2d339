import CCCDCrypto
import COpenSSL

/// The chip's side of Active Authentication, for tests and the virtual card: the raw RSA private
/// operation (ISO/IEC 9796-2 representative in, signature out) and ECDSA signing.
public enum ChipSideSigning {
    /// `representative^d mod n` (RSA without padding).
    public static func rsaRaw(_ representative: [UInt8], key: TestKey) throws(TestDataError) -> [UInt8] {
        guard let context = EVP_PKEY_CTX_new_from_pkey(nil, key.pkey, nil) else { throw OSSLGen.failure("EVP_PKEY_CTX_new") }
        defer { EVP_PKEY_CTX_free(context) }
        guard EVP_PKEY_sign_init(context) == 1, EVP_PKEY_CTX_set_rsa_padding(context, RSA_NO_PADDING) == 1 else {
            throw OSSLGen.failure("EVP_PKEY_sign_init")
        }
        var length = Int(EVP_PKEY_get_size(key.pkey))
        var out = [UInt8](repeating: 0, count: length)
        let ok = representative.withUnsafeBufferPointer { input in
            out.withUnsafeMutableBufferPointer { EVP_PKEY_sign(context, $0.baseAddress, &length, input.baseAddress, input.count) }
        }
        guard ok == 1 else { throw OSSLGen.failure("EVP_PKEY_sign") }
        return Array(out.prefix(length))
    }

    /// The ISO/IEC 9796-2 scheme 1 representative `6A ‖ M1 ‖ H(M1 ‖ challenge) ‖ trailer` for a
    /// modulus of `modulusBytes`, with trailer `BC` (SHA-1) or `34 CC` (SHA-256).
    public static func iso9796Representative(m1Source: [UInt8], challenge: [UInt8], modulusBytes: Int, sha256: Bool)
        throws(TestDataError) -> [UInt8]
    {
        let hashLength = sha256 ? 32 : 20
        let trailer: [UInt8] = sha256 ? [0x34, 0xCC] : [0xBC]
        let m1Length = modulusBytes - 1 - hashLength - trailer.count
        guard m1Source.count >= m1Length else { throw .invalidInput("M1 source too short") }
        let m1 = Array(m1Source.prefix(m1Length))
        guard let md = EVP_MD_fetch(nil, sha256 ? "SHA256" : "SHA1", nil) else { throw OSSLGen.failure("EVP_MD_fetch") }
        defer { EVP_MD_free(md) }
        var digest = [UInt8](repeating: 0, count: hashLength)
        var digestLength: UInt32 = 0
        let input = m1 + challenge
        let ok = input.withUnsafeBufferPointer { i in
            digest.withUnsafeMutableBufferPointer { EVP_Digest(i.baseAddress, i.count, $0.baseAddress, &digestLength, md, nil) }
        }
        guard ok == 1 else { throw OSSLGen.failure("EVP_Digest") }
        return [0x6A] + m1 + digest + trailer
    }

    /// ECDSA signature (DER) of `message` with `hash`.
    public static func ecdsa(_ message: [UInt8], hash: String, key: TestKey) throws(TestDataError) -> [UInt8] {
        do {
            return try DigestSigning.sign(message, key: key.pkey, hash: hash)
        } catch {
            guard case .openSSL(let function, let reason) = error else { throw .invalidInput("\(error)") }
            throw .openSSL(function: function, reason: reason)
        }
    }
}
