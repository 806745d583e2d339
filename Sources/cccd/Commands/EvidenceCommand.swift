import ArgumentParser
import CCCDKit
import Foundation

/// `cccd evidence export DIR [--format cccdkit|ekyc-raw|rar]` and `cccd evidence verify BUNDLE`:
/// hand-off bundles of a dump (docs/evidence.md). Bundles hold personal data: they go to stdout or
/// the file named, never to the log.
struct EvidenceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evidence",
        abstract: "Export a dump as a hand-off bundle (cccdkit, ekyc-raw, rar), or re-verify a cccdkit bundle.",
        subcommands: [EvidenceExportCommand.self, EvidenceVerifyCommand.self])
}

struct EvidenceExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the bundle of a dump folder (verified offline for the verification block) to stdout or --out.",
        discussion: "Exit status: 0 written, 1 the dump cannot make this format (no EF.SOD, no signer, no ID number), 2 unreadable dump, 64 usage.")

    @Argument(help: "The dump folder (EF.SOD.bin, DG1.bin, …, AA.challenge.bin, AA.response.bin).")
    var dir: String

    @Option(help: "cccdkit (default), ekyc-raw or rar.")
    var format: String = EvidenceFormat.cccdkit.rawValue

    @Option(help: "CSCA certificate (PEM/DER), folder, or master list; repeatable. Default: the trust store folder.")
    var trust: [String] = []

    @Option(help: "Write the bundle to this file (mode 0600) instead of stdout.")
    var out: String?

    func validate() throws {
        if EvidenceFormat(rawValue: format) == nil { throw ValidationError("--format is cccdkit, ekyc-raw or rar") }
    }

    func run() async throws {
        let dump: DumpFolder
        do {
            dump = try DumpFolder(folder: URL(fileURLWithPath: dir))
        } catch {
            printError("cccd evidence export: cannot read the dump: \(error)")
            throw ExitCodes.couldNotRead
        }
        let report = OfflineVerification.verify(dump, trustStore: TrustStore.commandLine(paths: trust))
        var result = CardReadResult(dump: dump.files, verification: report)
        result.rawFiles = dump.files
        let data: Data
        do {
            data = try EvidenceBundle.make(EvidenceFormat(rawValue: format) ?? .cccdkit, result: result)
        } catch {
            printError("cccd evidence export: \(error)")
            throw ExitCode(1)
        }
        try EvidenceOutput.write(data, to: out, command: "cccd evidence export")
    }
}

/// Writes a bundle to stdout or to a private file.
enum EvidenceOutput {
    static func write(_ data: Data, to path: String?, command: String) throws {
        guard let path else {
            FileHandle.standardOutput.write(data + Data([0x0A]))
            return
        }
        let url = URL(fileURLWithPath: path)
        guard FileManager.default.createFile(atPath: url.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            printError("\(command): cannot write \(path)")
            throw ExitCodes.couldNotRead
        }
    }
}
