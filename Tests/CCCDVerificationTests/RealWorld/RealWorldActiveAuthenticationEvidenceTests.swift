import CCCDChipAuthentication
import CCCDLDS
import CCCDPrimitives
import CCCDVerification
import Foundation
import Testing

/// Active Authentication evidence of a real chip, re-verified offline as `cccd verify` does for a
/// dump with `AA.challenge.bin` / `AA.response.bin`: the NZ passport of ../shared/realworld (gmrtd's
/// recorded INTERNAL AUTHENTICATE, RSA-1792, ISO/IEC 9796-2 scheme 1 with SHA-256). No CCCD dump
/// with its AA exchange is published there; this is the real-chip case of the same check.
@Suite(
    "Real chip AA evidence (../shared/realworld)",
    .enabled(if: RealWorldSet.available, "needs ../shared/realworld (not found)"))
struct RealWorldActiveAuthenticationEvidenceTests {
    static let set = RealWorldSet(name: "gmrtd-sod-nz")

    /// The challenge and the chip's signature (after secure messaging) as the source recorded them.
    static func evidence() throws -> ActiveAuthenticationEvidence {
        let transcript = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: set.url.appendingPathComponent("apdu_transcript_active_auth.json")))
                as? [String: Any])
        let expected = try #require(transcript["expected"] as? [String: Any])
        let nonceText = try #require(expected["nonce"] as? String)
        let signatureText = try #require(expected["signature"] as? String)
        let nonce = try #require(Hex.decode(nonceText))
        let signature = try #require(Hex.decode(signatureText))
        return ActiveAuthenticationEvidence(challenge: nonce, response: signature)
    }

    static func verify(_ evidence: ActiveAuthenticationEvidence) throws -> VerificationReport {
        let time = try set.timeWhenCurrent()
        var dump = try set.dump()
        dump.activeAuthentication = evidence
        let store = TrustStoreLoader.load(paths: set.cscaURL.map { [$0] } ?? [], at: time)
        return OfflineVerification.verify(dump, trustStore: store, options: PassiveAuthenticationOptions(verificationTime: time))
    }

    @Test func genuineEvidenceVerifiesOffline() throws {
        let report = try Self.verify(try Self.evidence())
        #expect(report.passive.dataGroups[15] == .valid)
        #expect(report.active.status == .valid, "\(report.active)")
        #expect(report.active.method == "RSA ISO/IEC 9796-2 scheme 1 SHA256")
        #expect(report.active.evidence?.algorithm == "RSA ISO/IEC 9796-2 scheme 1 SHA256")
    }

    @Test func alteredEvidenceIsInvalid() throws {
        var challenge = try Self.evidence()
        challenge.challenge[7] ^= 0x01
        #expect(try Self.verify(challenge).active.status == .invalid)
        var response = try Self.evidence()
        response.response[100] ^= 0x01
        #expect(try Self.verify(response).active.status == .invalid)
    }

    @Test func dg15NotCoveredBySODIsInvalid() throws {
        // The genuine signature, but a DG15 that EF.SOD does not vouch for: never valid.
        let time = try Self.set.timeWhenCurrent()
        var dump = try Self.set.dump()
        dump.activeAuthentication = try Self.evidence()
        dump.files[.sod] = nil
        let report = OfflineVerification.verify(
            dump, trustStore: TrustStoreLoader.load(paths: [], at: time), options: PassiveAuthenticationOptions(verificationTime: time))
        #expect(report.active.status == .invalid, "\(report.active)")
        #expect(report.active.reasons.contains { $0.code == .dataGroupNotInSecurityObject && $0.dataGroup == 15 })
        #expect(report.overall == .invalid)
    }
}
