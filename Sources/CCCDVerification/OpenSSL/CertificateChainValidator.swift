import CCCDCrypto
import COpenSSL
import Foundation

/// Builds and checks a certificate path to a trust anchor with `X509_verify_cert`
/// (signatures, validity at the given time, basic constraints and key usage of the issuers).
enum CertificateChainValidator {
    /// The outcome of one `X509_verify_cert` run.
    struct Outcome {
        /// 0 (`X509_V_OK`) when the chain verified.
        var errorCode: Int32
        var errorText: String
        /// Depth of the certificate the error concerns (0 = the leaf).
        var errorDepth: Int32
        /// The chain from the leaf to the anchor (as far as it was built).
        var chain: [X509Certificate]
    }

    /// Verifies `leaf` against `anchors` (trusted) with `intermediates` (untrusted) at `time`.
    /// No CRL checking here (see ``RevocationCheck``).
    ///
    /// Every certificate in the store is a trust anchor whether or not it is self-signed
    /// (`X509_V_FLAG_PARTIAL_CHAIN`): eMRTD trust lists hand out CSCA link certificates (a new
    /// CSCA key certified by the old one) as anchors, and a path may end there. `checkTime: false`
    /// skips the validity periods (used to tell an expired but otherwise sound path from a bad one).
    static func verify(
        leaf: X509Certificate, anchors: OpaquePointer, anchorCertificates: [X509Certificate],
        intermediates: [X509Certificate], at time: Date, checkTime: Bool = true
    ) throws(VerificationCryptoError) -> Outcome {
        guard let context = X509_STORE_CTX_new() else { throw OSSL.failure("X509_STORE_CTX_new") }
        defer { X509_STORE_CTX_free(context) }
        guard let untrusted = OPENSSL_sk_new_null() else { throw OSSL.failure("OPENSSL_sk_new_null") }
        defer { OPENSSL_sk_free(untrusted) }
        for certificate in intermediates {
            _ = OPENSSL_sk_push(untrusted, UnsafeRawPointer(certificate.x509))
        }
        guard X509_STORE_CTX_init(context, anchors, leaf.x509, untrusted) == 1 else {
            throw OSSL.failure("X509_STORE_CTX_init")
        }
        // OpenSSL flags EC keys written with explicit parameters (as the VN and DE CSCAs are) in
        // strict mode; accept them only when the parameters are those of a named curve, i.e. when
        // OpenSSL has mapped them to one. Every signature is still verified by OpenSSL.
        X509_STORE_CTX_set_verify_cb(context) { ok, store in
            guard ok == 0, let store, X509_STORE_CTX_get_error(store) == X509_V_ERR_EC_KEY_EXPLICIT_PARAMS else { return ok }
            guard let certificate = X509_STORE_CTX_get_current_cert(store),
                let key = X509_get0_pubkey(certificate)
            else { return 0 }
            var name = [CChar](repeating: 0, count: 80)
            var length = 0
            guard EVP_PKEY_get_group_name(key, &name, name.count, &length) == 1, length > 0 else { return 0 }
            X509_STORE_CTX_set_error(store, X509_V_OK)
            return 1
        }
        let parameters = X509_STORE_CTX_get0_param(context)
        var flags = UInt(X509_V_FLAG_PARTIAL_CHAIN)
        // OpenSSL ignores NO_CHECK_TIME once a time is set (USE_CHECK_TIME wins): set one or the other.
        if checkTime {
            X509_VERIFY_PARAM_set_time(parameters, time.timeT)
        } else {
            flags |= UInt(X509_V_FLAG_NO_CHECK_TIME)
        }
        X509_VERIFY_PARAM_set_flags(parameters, flags)
        // SHA-1-era documents (and their CSCAs) are still in circulation: say explicitly that no
        // minimum signature strength applies to this path (the process-wide TLS security level,
        // which an openssl.cnf may raise, is not consulted). Signatures are still verified.
        X509_VERIFY_PARAM_set_auth_level(parameters, 0)
        let result = X509_verify_cert(context)
        let code = result == 1 ? 0 : X509_STORE_CTX_get_error(context)
        let text = code == 0 ? "ok" : String(cString: X509_verify_cert_error_string(Int(code)))
        // Map the path back to the certificates we already hold (no re-encoding).
        let known = [leaf] + intermediates + anchorCertificates
        var chain: [X509Certificate] = []
        if let stack = X509_STORE_CTX_get0_chain(context) {
            let count = OPENSSL_sk_num(stack)
            for index in 0..<max(count, 0) {
                guard let raw = OPENSSL_sk_value(stack, index) else { continue }
                let pointer = OpaquePointer(raw)
                if let match = known.first(where: { $0.x509 == pointer || X509_cmp($0.x509, pointer) == 0 }) {
                    chain.append(match)
                } else if let der = OpenSSLDER.encode({ i2d_X509(pointer, $0) }),
                    let certificate = try? X509Certificate(der: der)
                {
                    chain.append(certificate)
                }
            }
        }
        let depth = X509_STORE_CTX_get_error_depth(context)
        ERR_clear_error()
        return Outcome(errorCode: code, errorText: text, errorDepth: depth, chain: chain)
    }
}
