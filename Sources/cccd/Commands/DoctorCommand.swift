import ArgumentParser
import CCCDDoctor
import CCCDFace
import CCCDPrimitives
import CCCDVerification
import Foundation

/// `cccd doctor [--json]`: the installation checks for the IT admin, one line each with its fix.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the installation: pcscd, readers, card, trust store, face models, daemon, clock.",
        discussion: """
            One line per check; each failing one says what to do. With --can, also PACE and one READ of \
            EF.COM on the card (nothing of its content is printed). Exit status: 0 all checks passed \
            (warnings allowed), 1 a check failed, 64 usage.
            """)

    @Flag(help: "Print one JSON object {\"passed\", \"checks\": [{\"id\", \"status\", \"summary\", \"fix\"}]}.")
    var json = false

    @Option(help: "The card access number for one protected test exchange (PACE, then READ of EF.COM).")
    var can: String?

    @Option(help: "The reader for that exchange: name or index (default: the first with a card).")
    var reader: String?

    @Option(help: "The daemon configuration (default: \(DoctorOptions.defaultConfigPath)).")
    var config: String?

    @Option(name: .customLong("trust-dir"), help: "The trust store folder (default: $CCCD_TRUST_DIR or /var/lib/cccdkit/trust).")
    var trustDir: String?

    @Option(help: "The face models folder (default: $CCCD_FACE_MODELS, /var/lib/cccdkit/models, ~/.local/share/cccdkit/models).")
    var models: String?

    func validate() throws {
        if let can, can.isEmpty || !can.allSatisfy(\.isASCII) || !can.allSatisfy(\.isNumber) {
            throw ValidationError("--can is the 6 digits printed on the card")
        }
    }

    func run() async throws {
        let options = DoctorOptions(
            trustFolder: trustDir.map { URL(fileURLWithPath: $0) } ?? TrustStoreLocation.folder(),
            modelsDirectory: models.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? FaceModelFiles.defaultDirectory(),
            daemon: .file(path: config ?? DoctorOptions.defaultConfigPath, explicit: config != nil),
            can: can, reader: reader)
        let report = await Doctor.run(options)
        if json {
            print(String(decoding: try JSONCoding.encoder(pretty: true).encode(report), as: UTF8.self))
        } else {
            print(report.text)
        }
        if !report.passed { throw ExitCode(1) }
    }
}
