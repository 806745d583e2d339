import ArgumentParser
import CCCDPrimitives
import Foundation

/// `cccd inspect FILE... [--json]`: parses LDS files, certificates, CRLs and master lists and prints
/// their structure and fields, or the typed parse error with the byte offset where the structure breaks.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Parse LDS files (EF.COM, EF.CardAccess, EF.CardSecurity, EF.SOD, DG1–DG16), certificates, CRLs and master lists.",
        discussion: """
            The kind comes from the dump-folder name (DG2.bin, EF.SOD.bin, …) or extension (.ml, .crl, .cer), \
            else from the first tag. Fields are printed as read, personal data included: run it on files you hold.
            Exit status: 0 every file parsed, 2 a file could not be read or parsed, 64 usage.
            """)

    @Argument(help: "The files to inspect.")
    var files: [String]

    @Flag(help: "Print one JSON object ({\"files\": [...]}) instead of text.")
    var json = false

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one file") }
    }

    func run() throws {
        let reports = files.map(FileInspector.inspect(path:))
        if json {
            let data = try JSONCoding.encoder(pretty: true).encode(InspectValue.fields([("files", .list(reports.map(\.value)))]))
            FileHandle.standardOutput.write(data + Data([0x0A]))
        } else {
            print(reports.flatMap(\.lines).joined(separator: "\n"))
        }
        if reports.contains(where: { $0.failure != nil }) { throw ExitCodes.couldNotRead }
    }
}
