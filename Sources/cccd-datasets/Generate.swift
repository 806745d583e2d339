import ArgumentParser
import CCCDTestData
import Foundation

/// `swift run cccd-datasets [--root TestVectors/datasets] [--only NAME] [--photo FILE]`: writes the
/// synthetic Vietnamese cards and their test PKI. Deterministic: keys are generated once and
/// committed, certificates/CRLs are reused, EF.SOD is kept while its content is unchanged.
@main
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cccd-datasets", abstract: "Generate the synthetic CCCD data sets and test PKI (TestVectors/datasets).")

    @Option(help: "Output folder.")
    var root = "TestVectors/datasets"

    @Option(help: "Write only this data set (default, no-expiry, card-2024, jp2-photo, rollover, expired).")
    var only: String?

    @Option(help: "Use this JPEG / JPEG 2000 file as the photo (DG2) instead of the synthetic one.")
    var photo: String?

    @Flag(help: "Re-issue the certificates, CRLs and master list (keys are kept).")
    var regeneratePKI = false

    func run() throws {
        let rootURL = URL(fileURLWithPath: root)
        let pki = try TestPKI(folder: rootURL.appendingPathComponent("pki"), regenerateCertificates: regeneratePKI)
        let specs = DataSetSpec.generated.filter { only == nil || $0.name == only }
        guard !specs.isEmpty else { throw ValidationError("no data set named \(only ?? "")") }
        for spec in specs {
            let photoURL = photo.map(URL.init(fileURLWithPath:))
                ?? rootURL.appendingPathComponent("assets").appendingPathComponent(spec.photo)
            let image = try Data(contentsOf: photoURL)
            try DataSetWriter.write(spec, pki: pki, folder: rootURL.appendingPathComponent(spec.name), photo: [UInt8](image))
            print("wrote \(spec.name)")
        }
    }
}
