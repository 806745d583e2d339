import COpenSSL

/// A P-256 public key given by its affine coordinates (as in a JWK), checked to lie on the curve
/// when made; verifies ES256 signatures (`r ‖ s`) through OpenSSL's `EVP_DigestVerify`.
public struct P256PublicKey: Sendable, Equatable {
    public let x: [UInt8]
    public let y: [UInt8]

    /// Refuses coordinates that are not 32 bytes each or not a point of P-256.
    public init(x: [UInt8], y: [UInt8]) throws(CryptoError) {
        guard x.count == 32, y.count == 32 else { throw .invalidPoint("P-256 coordinates must be 32 bytes each") }
        self.x = x
        self.y = y
        guard let pkey = makeKey() else { throw .invalidPoint("not a point of P-256") }
        EVP_PKEY_free(pkey)
    }

    /// True only for a valid ES256 signature of `message` by this key; anything malformed is false.
    public func isValidSignature(_ signature: [UInt8], for message: [UInt8]) -> Bool {
        guard signature.count == 64, let der = ECDSASignatureForm.der(fromRaw: signature), let pkey = makeKey() else {
            return false
        }
        defer { EVP_PKEY_free(pkey) }
        guard let context = EVP_MD_CTX_new() else { return false }
        defer {
            EVP_MD_CTX_free(context)
            ERR_clear_error()
        }
        guard EVP_DigestVerifyInit_ex(context, nil, "SHA256", nil, nil, pkey, nil) == 1 else { return false }
        let result = der.withUnsafeBufferPointer { s in
            message.withUnsafeBufferPointer { m in EVP_DigestVerify(context, s.baseAddress, s.count, m.baseAddress, m.count) }
        }
        return result == 1
    }

    /// An OpenSSL key from the uncompressed point (`EVP_PKEY_fromdata`, which checks the point).
    /// OSSL_PARAMs only reference their names and buffers, so everything happens inside their scopes.
    private func makeKey() -> OpaquePointer? {
        defer { ERR_clear_error() }
        guard let context = EVP_PKEY_CTX_new_from_name(nil, "EC", nil) else { return nil }
        defer { EVP_PKEY_CTX_free(context) }
        guard EVP_PKEY_fromdata_init(context) == 1 else { return nil }
        var point: [UInt8] = [0x04] + x + y
        var group = Array("prime256v1".utf8CString)
        let groupKey = Array("group".utf8CString)
        let pubKey = Array("pub".utf8CString)
        var pkey: OpaquePointer?
        // EVP_PKEY_PUBLIC_KEY (0x86: all parameters | public key; a macro Swift does not import).
        let selection: Int32 = 0x86
        let ok = groupKey.withUnsafeBufferPointer { groupName in
            pubKey.withUnsafeBufferPointer { pubName in
                group.withUnsafeMutableBufferPointer { groupBuffer in
                    point.withUnsafeMutableBytes { pointBuffer in
                        var params = [
                            OSSL_PARAM_construct_utf8_string(groupName.baseAddress, groupBuffer.baseAddress, 0),
                            OSSL_PARAM_construct_octet_string(pubName.baseAddress, pointBuffer.baseAddress, pointBuffer.count),
                            OSSL_PARAM_construct_end(),
                        ]
                        return EVP_PKEY_fromdata(context, &pkey, selection, &params)
                    }
                }
            }
        }
        guard ok == 1 else {
            EVP_PKEY_free(pkey)
            return nil
        }
        return pkey
    }
}

/// JOSE `r ‖ s` ⇄ DER ECDSA-Sig-Value, through OpenSSL (`d2i_ECDSA_SIG` / `i2d_ECDSA_SIG`).
enum ECDSASignatureForm {
    static let componentLength = 32

    static func raw(fromDER der: [UInt8]) -> [UInt8]? {
        guard let signature = OpenSSLDER.decode(der, { d2i_ECDSA_SIG(nil, $0, $1) }) else { return nil }
        defer { ECDSA_SIG_free(signature) }
        guard let r = ECDSA_SIG_get0_r(signature), let s = ECDSA_SIG_get0_s(signature) else { return nil }
        var out = [UInt8](repeating: 0, count: componentLength * 2)
        let ok = out.withUnsafeMutableBufferPointer { buffer in
            BN_bn2binpad(r, buffer.baseAddress, Int32(componentLength)) == Int32(componentLength)
                && BN_bn2binpad(s, buffer.baseAddress! + componentLength, Int32(componentLength)) == Int32(componentLength)
        }
        return ok ? out : nil
    }

    static func der(fromRaw raw: [UInt8]) -> [UInt8]? {
        guard raw.count == componentLength * 2, let signature = ECDSA_SIG_new() else { return nil }
        defer { ECDSA_SIG_free(signature) }
        let r = raw[..<componentLength].withUnsafeBufferPointer { BN_bin2bn($0.baseAddress, Int32(componentLength), nil) }
        let s = raw[componentLength...].withUnsafeBufferPointer { BN_bin2bn($0.baseAddress, Int32(componentLength), nil) }
        guard let r, let s, ECDSA_SIG_set0(signature, r, s) == 1 else {
            BN_free(r)
            BN_free(s)
            return nil
        }
        return OpenSSLDER.encode { i2d_ECDSA_SIG(signature, $0) }
    }
}
