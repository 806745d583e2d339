import CCCDKit
import CCCDTestSupport
import CCCDVirtualCard
import Foundation
import Testing

/// `cccd read` as users run it: the built binary, through pcscd + vpcd + the virtual card.
/// In the `PCSCEndToEnd` suite so it is serialized with the other tests that use vpcd's readers.
extension PCSCEndToEnd {
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    struct CLIRun {
        var status: Int32
        var stdout: Data
        var stderr: String
    }

    /// A built executable of this package (``BuiltExecutable``).
    static func builtExecutable(_ name: String) -> URL {
        BuiltExecutable.url(name, repositoryRoot: repositoryRoot)
    }

    /// Runs the built `cccd` with `arguments`, stdout/stderr piped.
    static func runCLI(_ arguments: [String], environment: [String: String] = [:]) throws -> CLIRun {
        let process = Process()
        process.executableURL = builtExecutable("cccd")
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read before waiting so a large output cannot block the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIRun(status: process.terminationStatus, stdout: stdout, stderr: String(decoding: stderr, as: UTF8.self))
    }

    enum CLICard: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case extended, shortOnly, refusesSFI
        var profile: CardProfile {
            switch self {
            case .extended: .extended
            case .shortOnly: .shortOnly
            case .refusesSFI: CardProfile(shortFileIdentifiers: false)
            }
        }
        var testDescription: String { rawValue }
    }

    @Test(arguments: CLICard.allCases)
    func cccdReadJSONThroughPCSC(_ kind: CLICard) async throws {
        let cccd = SyntheticCCCD()
        let connection = VPCDConnection(card: VirtualCard(profile: kind.profile, fileSystem: cccd.fileSystem()), port: bed.basePort)
        try connection.insertSettled()
        defer { connection.eject() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cccd-read-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let photo = folder.appendingPathComponent("photo.jpg")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)

        let run = try Self.runCLI([
            "read", "--reader", "0", "--no-access-control", "--json", "--out", folder.appendingPathComponent("dump").path,
            "--photo", photo.path, "--timeout", "10",
        ])
        // Read; the synthetic card's EF.SOD is a placeholder, so passive authentication fails
        // closed: invalid → 3.
        #expect(run.status == 3, "stderr: \(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any], "stderr: \(run.stderr)")
        let citizen = try #require(object["citizen"] as? [String: Any])
        #expect(citizen["fullName"] as? String == "Nguyễn Văn An")
        #expect(citizen["placeOfResidence"] as? String == "Số 12 Phố Huế, Hai Bà Trưng, Hà Nội")
        #expect(citizen["dateOfBirth"] as? String == "1990-08-15")
        #expect(citizen["fatherName"] as? String == "Nguyễn Văn Bình")
        #expect(citizen["motherName"] as? String == "Trần Thị Hoa")
        let fields = try #require(citizen["fields"] as? [String: [String]])
        #expect(fields["10"] == ["Nốt ruồi C:2cm trên sau đuôi mắt phải"])
        // Raw UTF-8 in the output, not \u escapes.
        #expect(String(decoding: run.stdout, as: UTF8.self).contains("Đông Hội, Đông Anh, Hà Nội"))
        let document = try #require(object["document"] as? [String: Any])
        #expect(document["personalNumber"] as? String == cccd.personalNumber)
        #expect(document["number"] as? String == cccd.documentNumber)
        #expect(document["type"] as? String == "ID" && document["issuingState"] as? String == "VNM")
        let holder = try #require(object["holder"] as? [String: Any])
        #expect(holder["fullName"] as? String == "NGUYEN VAN AN" && holder["nationality"] as? String == "VNM")
        let photoBlock = try #require(object["photo"] as? [String: Any])
        #expect(photoBlock["sha256"] as? String == ReadingStrategy.sha256Hex(cccd.photo))
        #expect(photoBlock["format"] as? String == "jpeg")
        let verification = try #require(object["verification"] as? [String: Any])
        #expect(verification["overall"] as? String == "invalid")

        // --photo and --out: exactly the chip's bytes.
        #expect(try Data(contentsOf: photo) == Data(cccd.photo))
        for (name, bytes) in cccd.dumpFiles {
            #expect(try Data(contentsOf: folder.appendingPathComponent("dump").appendingPathComponent(name)) == Data(bytes), "\(name)")
        }
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("dump/EF.CardAccess.bin").path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("dump/DG3.bin").path))
        // Personal data is written owner-only whatever the umask: files 0600, the new folder 0700.
        func mode(_ path: String) throws -> Int {
            try #require((FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue)
        }
        #expect(try mode(photo.path) == 0o600)
        #expect(try mode(folder.appendingPathComponent("dump").path) == 0o700)
        for (name, _) in cccd.dumpFiles {
            #expect(try mode(folder.appendingPathComponent("dump").appendingPathComponent(name).path) == 0o600, "\(name)")
        }
        // Logs name files and sizes, never the holder's data.
        #expect(!run.stderr.contains("Nguyễn") && !run.stderr.contains(cccd.personalNumber))
    }

    @Test func cccdReadSummaryAndErrors() async throws {
        // Usage errors: 64.
        #expect(try Self.runCLI(["read"]).status == 64)
        #expect(try Self.runCLI(["read", "--can", "12a456"]).status == 64)
        #expect(try Self.runCLI(["read", "--id", "001090012345", "--dob", "1990-08-15"]).status == 64)
        #expect(try Self.runCLI(["read", "--id", "001090012345", "--dob", "15/08/1990", "--expiry", "none"]).status == 64)

        // No card within the timeout: 2, with advice in the chosen language.
        let none = try Self.runCLI(["read", "--reader", "1", "--can", "012345", "--timeout", "0.5", "--lang", "vi"])
        #expect(none.status == 2)
        #expect(none.stderr.contains("hãy đặt thẻ lên đầu đọc"), "\(none.stderr)")

        // Readable summary, Vietnamese labels from the locale.
        let cccd = SyntheticCCCD()
        let connection = VPCDConnection(card: VirtualCard(profile: .shortOnly, fileSystem: cccd.fileSystem()), port: bed.basePort)
        try connection.insertSettled()
        defer { connection.eject() }
        let summary = try Self.runCLI(["read", "--no-access-control", "--timeout", "10"], environment: ["LANG": "vi_VN.UTF-8"])
        #expect(summary.status == 3, "\(summary.stderr)")
        let text = String(decoding: summary.stdout, as: UTF8.self)
        #expect(text.contains("Họ và tên") && text.contains("Nguyễn Văn An"), "\(text)")
        #expect(text.contains("Quê quán") && text.contains("Đông Hội, Đông Anh, Hà Nội"))
    }
}
