import CCCDLDS
import CCCDVerification

/// EF.SOD: the CMS and LDSSecurityObject parsers, then passive authentication of whatever parses
/// against the genuine `default` data set and its test CSCAs. A `valid` verdict is allowed only
/// when the signed content is the genuine one: no forged or garbled SOD may verify.
enum SODTarget {
    static func run(_ bytes: [UInt8]) throws(FuzzInvariantViolation) -> FuzzOutcome {
        guard let sod = try? SODParser.parse(bytes) else { return .rejected }
        try Invariant.check(
            sod.ldsSecurityObject.dataGroupHashes.count == sod.dataGroupHashes.count
                || sod.dataGroupHashes.count < sod.ldsSecurityObject.dataGroupHashes.count,
            .sod, "more hashes by number than hashes")
        try Invariant.jsonRoundTrip(sod, .sod)

        var files = FuzzFixtures.dump
        files[.sod] = bytes
        let result = PassiveAuthenticator.verify(
            DumpFolder(files: files).passiveAuthenticationInput, trustStore: FuzzFixtures.trustStore,
            options: PassiveAuthenticationOptions(verificationTime: FuzzFixtures.verificationTime))
        if result.status == .valid {
            try Invariant.check(
                sod.signedData.encapsulatedContent == FuzzFixtures.genuineSOD?.signedData.encapsulatedContent, .sod,
                "`valid` verdict for an EF.SOD whose signed content is not the genuine one")
            try Invariant.check(result.documentSigner != nil && result.trustAnchor != nil, .sod,
                                "`valid` verdict without a signer and an anchor")
        }
        return .accepted
    }
}
