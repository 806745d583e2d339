import CCCDCrypto
import CCCDLDS
import CCCDProtocols
import CCCDVerification

/// The terminal's check of an Active Authentication response (ICAO 9303-11 §6.1): pure, from the
/// challenge, the chip's signature, DG15's key and DG14's ActiveAuthenticationInfo.
public enum ActiveAuthenticationVerifier {
    /// Verifies `signature` over `challenge` with DG15's `publicKey`.
    /// - Parameter info: DG14's ActiveAuthenticationInfo (names the ECDSA hash); nil for RSA.
    public static func verify(
        signature: [UInt8], challenge: [UInt8], publicKey: PublicKeyInfo, info: ActiveAuthenticationInfo?
    ) -> AuthenticationResult {
        let key: PublicKeyHandle
        do {
            key = try PublicKeyHandle(subjectPublicKeyInfo: publicKey.subjectPublicKeyInfoDER)
        } catch {
            return .invalid(VerificationReason(.publicKeyUnsupported, .failure, "DG15 key: \(error)"))
        }
        switch key.kind {
        case .rsa: return verifyRSA(signature: signature, challenge: challenge, key: key)
        case .ec: return verifyECDSA(signature: signature, challenge: challenge, key: key, info: info)
        case .other:
            return .invalid(VerificationReason(.publicKeyUnsupported, .failure, "DG15 key is neither RSA nor EC"))
        }
    }

    /// RSA: raw recovery, ISO/IEC 9796-2 scheme 1 parsing, H(M1 ‖ challenge) comparison.
    public static func verifyRSA(signature: [UInt8], challenge: [UInt8], key: PublicKeyHandle) -> AuthenticationResult {
        let method = "RSA ISO/IEC 9796-2 scheme 1"
        let representative: [UInt8]?
        do {
            representative = try RSARecovery.recover(signature: signature, key: key)
        } catch {
            return .invalid(VerificationReason(.publicKeyUnsupported, .failure, "\(error)"), method: method)
        }
        guard let representative else {
            return .invalid(VerificationReason(
                .signatureMalformed, .failure, "the signature is not a number below the RSA modulus of DG15"),
                method: method)
        }
        let recovered: ISO9796Scheme1.Recovered
        do {
            recovered = try ISO9796Scheme1.parse(representative)
        } catch {
            return .invalid(VerificationReason(
                .signatureInvalid, .failure, "the recovered message is not an ISO/IEC 9796-2 representative (\(error))"),
                method: method)
        }
        let named = "\(method) \(recovered.hash.rawValue)"
        guard ISO9796Scheme1.verify(recovered, m2: challenge) else {
            return .invalid(VerificationReason(
                .signatureInvalid, .failure, "the chip's signature does not cover the challenge (clone?)"),
                method: named)
        }
        return AuthenticationResult(status: .valid, method: named)
    }

    /// ECDSA: hash from ActiveAuthenticationInfo (any of SHA-1…512 tried, with a warning, when
    /// DG14 names none); plain `r ‖ s` (TR-03111) or DER signatures.
    public static func verifyECDSA(
        signature: [UInt8], challenge: [UInt8], key: PublicKeyHandle, info: ActiveAuthenticationInfo?
    ) -> AuthenticationResult {
        var reasons: [VerificationReason] = []
        var hashes: [HashAlgorithm]
        if let info {
            do {
                hashes = [try SignatureScheme(
                    signatureAlgorithmOID: info.signatureAlgorithmOID, parameters: nil, digestAlgorithmOID: nil).hash]
            } catch {
                return .invalid(VerificationReason(
                    .signatureAlgorithmUnsupported, .failure, "ActiveAuthenticationInfo: \(error)"), method: "ECDSA")
            }
        } else {
            hashes = [.sha256, .sha1, .sha224, .sha384, .sha512]
            reasons.append(VerificationReason(
                .algorithmAssumed, .warning, "DG14 has no ActiveAuthenticationInfo; the ECDSA hash was not named"))
        }
        // Plain r ‖ s (TR-03111, what ICAO asks) or DER, whichever the chip sent: the encoding
        // that parses is tried first, the other as well, since a plain value can look like DER.
        let looksDER = ECDSASignatureEncoding.plain(fromDER: signature, componentLength: (key.bits + 7) / 8) != nil
        for hash in hashes {
            let schemes: [SignatureScheme] = looksDER ? [.ecdsa(hash), .ecdsaPlain(hash)] : [.ecdsaPlain(hash), .ecdsa(hash)]
            for scheme in schemes
            where (try? SignatureVerifier.verify(message: challenge, signature: signature, scheme: scheme, key: key)) == true {
                return AuthenticationResult(status: .valid, reasons: reasons, method: "\(scheme)")
            }
        }
        reasons.append(VerificationReason(
            .signatureInvalid, .failure, "the chip's ECDSA signature does not verify with DG15's key (clone?)"))
        return AuthenticationResult(status: .invalid, reasons: reasons, method: "ECDSA")
    }
}
