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

    public func verify(_ result: CardReadResult, channel: ChipChannel?) async -> VerificationReport {
        let passive = CitizenDataRequirement.apply(
            to: PassiveAuthenticator.verify(
                PassiveAuthenticationInput(files: result.rawFiles), trustStore: trustStore, options: options),
            files: result.rawFiles)
        return VerificationReport(
            passive: passive, active: .notPerformed("not performed by this reader"),
            chip: .notPerformed("not performed by this reader"))
    }
}
