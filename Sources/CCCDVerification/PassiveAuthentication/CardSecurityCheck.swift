import CCCDLDS

/// EF.CardSecurity, when read (or present in a dump), is signed data like EF.SOD (BSI TR-03110,
/// ICAO 9303-11 §9.2.8): its SecurityInfos (e.g. the chip-authentication key that PACE-CAM
/// relies on) count only when its signature and signer path verify. A bad one fails passive
/// authentication, even when EF.SOD itself is sound.
package enum CardSecurityCheck {
    package static func run(_ bytes: [UInt8], trustStore: TrustStore, options: PassiveAuthenticationOptions)
        -> [VerificationReason]
    {
        let signedData: SignedData
        do {
            signedData = try SignedDataParser.parse(contentInfo: bytes)
        } catch {
            return [VerificationReason(.cardSecurityMalformed, .failure, "EF.CardSecurity does not parse: \(error)")]
        }
        guard signedData.encapsulatedContentType == ObjectIdentifiers.securityObject else {
            return [VerificationReason(
                .cardSecurityMalformed, .failure,
                "EF.CardSecurity eContentType \(signedData.encapsulatedContentType) is not id-SecurityObject")]
        }
        guard let content = signedData.encapsulatedContent, (try? SecurityInfos(encoded: content)) != nil else {
            return [VerificationReason(.cardSecurityMalformed, .failure, "EF.CardSecurity SecurityInfos do not parse")]
        }
        let result = PassiveAuthenticator.verifySignedData(signedData, trustStore: trustStore, options: options)
        // Reasons keep their code and severity; the message says which file they are about.
        return result.reasons.map { reason in
            var reason = reason
            reason.message = "EF.CardSecurity: " + reason.message
            return reason
        }
    }
}
