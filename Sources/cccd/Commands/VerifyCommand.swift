import ArgumentParser
import CCCDKit
import CCCDLDS
import CCCDVerification
import Foundation

/// `cccd verify DIR [--trust PATH]... [--json]`: offline re-verification of a dump folder.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Re-verify a dump folder offline: EF.SOD signature, document signer chain, CRLs, data-group hashes.",
        discussion: """
            Exit status: 0 valid, 2 unreadable dump, 3 invalid, 4 untrusted or incomplete, 5 expired, 64 usage. \
            --at YYYY-MM-DD verifies as of that day (certificates, CRLs and the document's expiry), e.g. to audit a past read.
            Active Authentication is re-checked from AA.challenge.bin and AA.response.bin against DG15 when the \
            dump has them (else not-performed); PACE-CAM is re-checked from CAM.mappingKey.bin and CAM.caIC.bin \
            against the key of EF.CardSecurity or DG14 when present; Chip Authentication proper needs the chip. \
            --live IMAGE compares the DG2 photo with IMAGE; its result (or error) is reported in the face \
            block and does not change the exit status.
            """)

    @Argument(help: "The dump folder (EF.SOD.bin, DG1.bin, …).")
    var dir: String

    @Option(help: "CSCA certificate (PEM/DER), folder, or CSCA master list; repeatable. Default: the trust store folder (cccd trust list).")
    var trust: [String] = []

    @Option(help: "A live face photo (JPEG, PNG, WebP or JPEG 2000) to compare with the chip photo; adds the face block.")
    var live: String?

    @Option(help: "Verify as of this day (YYYY-MM-DD) instead of now: certificates, CRLs, document expiry.")
    var at: String?

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    func run() async throws {
        var time = Date()
        if let at {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withFullDate]
            guard let parsed = formatter.date(from: at) else {
                printError("cccd verify: --at must be YYYY-MM-DD")
                throw ExitCodes.usage
            }
            time = parsed
        }
        let dump: DumpFolder
        do {
            dump = try DumpFolder(folder: URL(fileURLWithPath: dir))
        } catch {
            printError("cccd verify: cannot read the dump: \(error)")
            throw ExitCodes.couldNotRead
        }
        let store = TrustStore.commandLine(paths: trust, at: time)
        for entry in store.report.entries where entry.outcome != .loaded {
            // File names and certificate names only: no personal data.
            printError("cccd verify: trust store: \(entry)")
        }
        let report = OfflineVerification.verify(
            dump, trustStore: store, options: PassiveAuthenticationOptions(verificationTime: time))
        // The same model as `cccd read --json` (docs/schema/read-result.schema.json).
        let document = CardReadResult(dump: dump.files, verification: report)
        // Models are loaded only when --live is given; a face error leaves the verdict and exit status as they are.
        var faceOutcome: LiveFaceCheck.Outcome?
        if let live {
            faceOutcome = await LiveFaceCheck.run(dg2: dump.files[.dataGroup(.dg2)], livePaths: [live], command: "cccd verify")
        }
        if json {
            let data = faceOutcome == nil ? try document.jsonData() : try WithFaceOutcome(base: document, face: faceOutcome).jsonData()
            FileHandle.standardOutput.write(data + Data([0x0A]))
        } else {
            print(VerifySummary.text(document, report: report))
            if let faceOutcome { print(faceOutcome.summaryLine(labelWidth: 10)) }
        }
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}

/// The readable summary of `cccd verify`.
enum VerifySummary {
    static func text(_ document: CardReadResult, report: VerificationReport) -> String {
        var lines: [String] = []
        if let holder = document.holder, let doc = document.document {
            lines.append("Document  \(doc.type) \(doc.issuingState) \(doc.number)\(doc.personalNumber.map { " (ID \($0))" } ?? "")")
            lines.append("Holder    \(document.citizen?.fullName ?? holder.fullName)")
        }
        if let photo = document.photo {
            lines.append("Photo     \(photo.format) \(photo.width)×\(photo.height) sha256 \(photo.sha256.prefix(16))…")
        }
        let passive = report.passive
        lines.append("")
        lines.append("Passive authentication: \(passive.status.rawValue.uppercased())")
        if let hash = passive.hashAlgorithm { lines.append("  data-group hashes: \(hash)") }
        let groups = passive.dataGroups.keys.sorted().map { "DG\($0) \(passive.dataGroups[$0]!.rawValue)" }
        if !groups.isEmpty { lines.append("  " + groups.joined(separator: ", ")) }
        if let signature = passive.signatureAlgorithm { lines.append("  signature: \(signature)") }
        if let signer = passive.documentSigner { lines.append("  document signer: \(signer.subject)") }
        if let anchor = passive.trustAnchor { lines.append("  trusted CSCA: \(anchor.subject)") }
        for reason in passive.reasons where reason.severity != .info {
            lines.append("  - \(reason.severity.rawValue): \(reason.code.rawValue): \(reason.message)")
        }
        lines.append("Active authentication: \(report.active.status.rawValue)\(report.active.method.map { " (\($0))" } ?? "")")
        for reason in report.active.reasons where reason.severity == .failure {
            lines.append("  - \(reason.code.rawValue): \(reason.message)")
        }
        lines.append("Chip authentication: \(report.chip.status.rawValue)")
        lines.append("Overall: \(report.overall.rawValue.uppercased())")
        return lines.joined(separator: "\n")
    }
}
