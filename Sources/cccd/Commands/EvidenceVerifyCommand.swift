import ArgumentParser
import CCCDKit
import Foundation

/// `cccd evidence verify BUNDLE [--trust PATH]... [--json]`: re-verifies a `cccdkit-evidence/1`
/// bundle offline — EF.SOD signature and chain, data-group hashes, Active Authentication from the
/// bundle's challenge and response — as `cccd verify` does for a dump. With `--key`, the bundle
/// must be a device-signed JWS (`?signed=true` from cccdd) whose ES256 signature the JWK checks.
struct EvidenceVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Re-verify a cccdkit evidence bundle offline (EF.SOD, DSC chain, data-group hashes, AA evidence).",
        discussion: "Exit status as cccd verify: 0 valid, 2 unreadable bundle, 3 invalid, 4 untrusted or incomplete, 5 expired, 64 usage.")

    @Argument(help: "The bundle file (cccdkit format, or a JWS of it signed by cccdd).")
    var bundle: String

    @Option(help: "CSCA certificate (PEM/DER), folder, or master list; repeatable. Default: the trust store folder.")
    var trust: [String] = []

    @Option(help: "The device's public JWK (GET /v1/device); the bundle must then be a JWS with a valid signature by it.")
    var key: String?

    @Flag(help: "Print the verification result as JSON (the result model of cccd verify --json).")
    var json = false

    func run() async throws {
        let contents: EvidenceReader.Contents
        do {
            contents = try EvidenceReader.read(try SignedBundle.payload(bundle, keyFile: key))
        } catch let error as SignedBundle.Failure {
            throw error.exit()
        } catch {
            printError("cccd evidence verify: cannot read the bundle: \(error)")
            throw ExitCodes.couldNotRead
        }
        var report = OfflineVerification.verify(contents.dump, trustStore: TrustStore.commandLine(paths: trust))
        if !contents.documentSignerMatchesSOD {
            // The bundle's documentSigner is not the certificate EF.SOD embeds: fail closed.
            report.passive.reasons.insert(VerificationReason(
                .signerCertificateNotFound, .failure, "the bundle's documentSigner is not the certificate in EF.SOD"), at: 0)
            report.passive.status = .invalid
            report.overall = .invalid
        }
        let result = CardReadResult(dump: contents.dump.files, verification: report)
        if json {
            FileHandle.standardOutput.write(try result.jsonData() + Data([0x0A]))
        } else {
            print(VerifySummary.text(result, report: report))
        }
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}
