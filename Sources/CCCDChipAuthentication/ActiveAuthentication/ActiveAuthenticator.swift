import CCCDCrypto
import CCCDLDS
import CCCDProtocols
import CCCDTransport
import CCCDVerification

/// Runs Active Authentication against a card: INTERNAL AUTHENTICATE with the caller's 8-byte
/// challenge or a fresh random one (over the secure channel), then ``ActiveAuthenticationVerifier``.
/// The result carries the challenge and the chip's response as evidence.
public enum ActiveAuthenticator {
    /// The INTERNAL AUTHENTICATE command for `challenge`, expecting `ne` bytes (256 = short `00`,
    /// 65 536 = extended `00 00`).
    public static func internalAuthenticate(challenge: [UInt8], ne: Int) throws(APDUError) -> CommandAPDU {
        try CommandAPDU(cla: 0x00, ins: 0x88, p1: 0x00, p2: 0x00, data: challenge, ne: ne)
    }

    /// The Ne values to try, most likely first: short Le when the signature fits a short protected
    /// response, extended Le otherwise; the other form as fallback for cards that need it.
    /// Under secure messaging a short response carries at most 223 (0xDF) plain bytes, so an
    /// RSA-2048 signature (256 bytes) asks for extended Le first: asking short costs a wasted
    /// exchange that answers 67 00.
    public static func expectedLengths(signatureSize: Int, extendedLengthSupported: Bool) -> [Int] {
        let short = CommandAPDU.maxShortNe
        let extended = CommandAPDU.maxExtendedNe
        if signatureSize > 0xDF && extendedLengthSupported { return [extended, short] }
        return extendedLengthSupported ? [short, extended] : [short]
    }

    /// Performs AA. `dg15` nil → `not-supported`. `challenge`: the caller's (a back end's, for
    /// freshness), nil for a random one.
    public static func perform(
        over sender: some APDUSender, dg15: PublicKeyInfo?, dg14: SecurityInfos?,
        extendedLengthSupported: Bool = true, challenge callerChallenge: [UInt8]? = nil
    ) async -> AuthenticationResult {
        guard let dg15 else { return .notSupported("the card has no DG15 (Active Authentication key)") }
        let challenge: [UInt8]
        do {
            challenge = try callerChallenge ?? SecureRandom.bytes(8)
        } catch {
            return .invalid(VerificationReason(.transmissionFailed, .failure, "no random challenge: \(error)"))
        }
        let size = (try? PublicKeyHandle(subjectPublicKeyInfo: dg15.subjectPublicKeyInfoDER).maximumSignatureSize) ?? 256
        var lastStatus: StatusWord?
        for ne in expectedLengths(signatureSize: size, extendedLengthSupported: extendedLengthSupported) {
            let response: ResponseAPDU
            do {
                response = try await sender.send(try internalAuthenticate(challenge: challenge, ne: ne))
            } catch {
                if let interrupted = AuthenticationInterruption.result(after: error, during: "active authentication") {
                    return interrupted
                }
                return .invalid(VerificationReason(
                    .transmissionFailed, .failure, "INTERNAL AUTHENTICATE failed: \(error)"))
            }
            guard response.status.isSuccess else {
                lastStatus = response.status
                // Wrong length: try the other Le form.
                if response.status.sw1 == 0x67 || response.status.sw1 == 0x6C { continue }
                break
            }
            return ActiveAuthenticationVerifier.verify(
                signature: response.data, challenge: challenge, publicKey: dg15,
                info: dg14?.activeAuthenticationInfos.first
            ).with(evidence: ActiveAuthenticationEvidence(challenge: challenge, response: response.data))
        }
        return .invalid(VerificationReason(
            .cardRefused, .failure,
            "the card refused INTERNAL AUTHENTICATE (SW \(lastStatus.map { "\($0)" } ?? "none"))"))
    }
}
