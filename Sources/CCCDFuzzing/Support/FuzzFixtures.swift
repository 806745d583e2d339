import CCCDLDS
import CCCDVerification
import Foundation

/// Fixed inputs some entry functions combine with the fuzzed bytes: the `default` synthetic data
/// set and its test PKI (TestVectors, our own generated data), located from this source file so
/// the unit tests and the fuzz driver built in the checkout find them without configuration.
enum FuzzFixtures {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let dataSet = repositoryRoot.appendingPathComponent("TestVectors/datasets/default")
    static let pki = repositoryRoot.appendingPathComponent("TestVectors/datasets/pki")

    /// The default data set's files (empty when the checkout has no TestVectors).
    static let dump: [LDSFile: [UInt8]] = (try? DumpFolder(folder: dataSet).files) ?? [:]

    /// The data set's genuine EF.SOD, parsed.
    static let genuineSOD: DocumentSecurityObject? = dump[.sod].flatMap { try? SODParser.parse($0) }

    /// The test CSCAs and CRLs: with them the genuine data set verifies as `valid`.
    static let trustStore: TrustStore = TrustStoreLoader.load(
        paths: ["csca-ecdsa.pem", "csca-rsa.pem", "csca-ecdsa.crl", "csca-rsa.crl"].map { pki.appendingPathComponent($0) },
        at: verificationTime)

    /// A fixed verification time inside the test certificates' validity (2026-11-20).
    static let verificationTime = Date(timeIntervalSince1970: 1_795_132_800)
}
