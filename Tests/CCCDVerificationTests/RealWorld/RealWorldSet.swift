import CCCDLDS
import CCCDTestSupport
import CCCDVerification
import Foundation

/// A set of ../shared/realworld: real documents' files from other projects' test suites, with
/// the outcome those projects (and an independent re-check) expect in `expected.json`.
struct RealWorldSet: CustomStringConvertible, Sendable {
    /// ../shared/realworld (or `$CCCD_SHARED_DIR/realworld`).
    static var folder: URL { SharedFolder.url("realworld") }

    static var available: Bool { SharedFolder.available("realworld") }

    /// The sets with an EF.SOD or EF.CardSecurity (the ones passive authentication applies to).
    static var all: [RealWorldSet] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().map(RealWorldSet.init(name:)).filter { $0.has("EF.SOD.bin") || $0.has("EF.CardSecurity.bin") }
    }

    let name: String
    var description: String { name }
    var url: URL { Self.folder.appendingPathComponent(name) }

    func has(_ file: String) -> Bool { FileManager.default.fileExists(atPath: url.appendingPathComponent(file).path) }

    func bytes(_ file: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: url.appendingPathComponent(file))) }

    /// `pa` of expected.json: valid, valid-partial, sod-signature-and-chain-valid or invalid.
    var expectedPA: String {
        guard let data = try? Data(contentsOf: url.appendingPathComponent("expected.json")),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return "unknown" }
        return object["pa"] as? String ?? "unknown"
    }

    /// The CSCA given with the set (the NZ re-encoding shares the NZ set's).
    var cscaURL: URL? {
        for candidate in [url, Self.folder.appendingPathComponent(name.replacingOccurrences(of: "-definite-length", with: ""))] {
            let csca = candidate.appendingPathComponent("csca.der")
            if FileManager.default.fileExists(atPath: csca.path) { return csca }
        }
        return nil
    }

    /// The files as a dump (EF.SOD.bin, DGn.bin, EF.CardSecurity.bin …).
    func dump() throws -> DumpFolder { try DumpFolder(folder: url) }

    /// A time inside the validity of the set's document signer and CSCA: real documents' signers
    /// from a decade ago are past their validity now, which must read `expired`, not be skipped.
    func timeWhenCurrent() throws -> Date {
        var starts: [Date] = []
        if let csca = cscaURL { starts.append(try X509Certificate(der: [UInt8](Data(contentsOf: csca))).notBefore ?? .distantPast) }
        if has("dsc.der") { starts.append(try X509Certificate(der: try bytes("dsc.der")).notBefore ?? .distantPast) }
        if has("EF.SOD.bin"), let sod = try? SODParser.parse(try bytes("EF.SOD.bin")) {
            starts += SignedDataCheck.embeddedCertificates(sod.signedData).compactMap(\.notBefore)
        }
        return (starts.max() ?? Date()).addingTimeInterval(86_400)
    }
}
