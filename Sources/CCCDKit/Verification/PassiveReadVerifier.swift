import CCCDVerification
import Foundation

/// Verifies a read with passive authentication (EF.SOD signature, data-group hashes, chain to a
/// trusted CSCA, CRL, country). Active and chip authentication are reported `not-performed`: this
/// verifier does not run them over the live channel.
public struct PassiveReadVerifier: ReadResultVerifier {
    public let trustStore: TrustStore
    public let options: PassiveAuthenticationOptions

    public init(trustStore: TrustStore = .default(), options: PassiveAuthenticationOptions = PassiveAuthenticationOptions()) {
        self.trustStore = trustStore
        self.options = options
    }

    public func verify(_ result: CardReadResult, channel: (any APDUSender)?) async -> VerificationSummary {
        let passive = CitizenDataRequirement.apply(
            to: PassiveAuthenticator.verify(
                PassiveAuthenticationInput(files: result.rawFiles), trustStore: trustStore, options: options),
            files: result.rawFiles)
        return Self.summary(passive)
    }

    /// The `verification` block for a passive-authentication result; `overall` follows passive
    /// authentication, since nothing else was performed.
    public static func summary(_ passive: PassiveAuthenticationResult) -> VerificationSummary {
        let status = CardVerifier.status(passive.status)
        let notPerformed = VerificationSummary.Check(status: .notPerformed, reasons: ["not performed by this reader"])
        return VerificationSummary(
            passive: .init(status: status, reasons: passive.reasons.map { "\($0.code.rawValue): \($0.message)" }),
            active: notPerformed, chip: notPerformed, overall: status)
    }
}
