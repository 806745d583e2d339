import CCCDLDS
import CCCDPrimitives
import CCCDTestData
import CCCDTestSupport
import CCCDVerification
import Foundation

/// Paths of the repository, the shared samples (../shared/samples, `SharedFolder`) and the generated data sets.
enum Fixtures {
    static let repository: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // CCCDVerificationTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repository root

    static var samples: URL { SharedFolder.url("samples") }
    static let datasets = repository.appendingPathComponent("TestVectors/datasets")
    static let pkiFolder = datasets.appendingPathComponent("pki")

    static func sample(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: samples.appendingPathComponent(path)))
    }

    static func dump(_ name: String) throws -> DumpFolder {
        try DumpFolder(folder: datasets.appendingPathComponent(name))
    }

    static func trust(_ names: String...) -> TrustStore {
        TrustStoreLoader.load(paths: names.map { pkiFolder.appendingPathComponent($0) })
    }

    /// The test CSCAs and their CRLs.
    static let testTrust = trust("csca-ecdsa.pem", "csca-rsa.pem", "csca-ecdsa.crl", "csca-rsa.crl")

    /// The committed test PKI (keys and certificates are only read: they all exist).
    static func pki() throws -> TestPKI { try TestPKI(folder: pkiFolder) }

    static func spec(_ name: String) -> DataSetSpec { DataSetSpec.generated.first { $0.name == name }! }

    /// The DG files of a data set by number.
    static func dataGroups(_ name: String) throws -> [Int: [UInt8]] {
        try dump(name).passiveAuthenticationInput.dataGroups
    }

    static func verify(sod: [UInt8]?, groups: [Int: [UInt8]], trust: TrustStore = testTrust, at time: Date = Date())
        -> PassiveAuthenticationResult
    {
        PassiveAuthenticator.verify(
            PassiveAuthenticationInput(securityObject: sod, dataGroups: groups), trustStore: trust,
            options: PassiveAuthenticationOptions(verificationTime: time))
    }

    static func date(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.date(from: text)!
    }

    static func hex(_ text: String) -> [UInt8] { Hex.decode(text)! }

    /// `YYYY-MM-DD` of a date (UTC).
    static func iso(_ date: Date) -> String { String(ISO8601DateFormatter().string(from: date).prefix(10)) }

    /// The ICAO worked examples (TestVectors/icao9303).
    static func vectorsJSON() throws -> [String: Any] { try ICAOVectors.load() }
}
