import CCCDAudit
import CCCDTestSupport
import Foundation
import Testing

/// `cccd audit` through the built binary against a journal the test writes.
@Suite("cccd audit")
struct AuditCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let binary = BuiltExecutable.url("cccd", repositoryRoot: repository)

    static func run(_ arguments: [String], timeZone: String = "UTC") throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["audit"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["TZ"] = timeZone
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errorData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self), String(decoding: errorData, as: UTF8.self))
    }

    /// Three entries on 2026-11-20, -21 and -22 (UTC noon), the last a face comparison.
    static func writeJournal(in dir: AuditTestDirectory) throws -> (path: String, entries: [AuditEntry], hash: String) {
        let path = dir.path("audit.sqlite")
        let journal = try AuditJournal(path: path, salt: try AuditSalt.loadOrCreate(at: dir.path("salt")), retention: nil)
        let hash = journal.hashID("079190012345")
        let noon = Date(timeIntervalSince1970: 1_795_176_000)  // 2026-11-20T12:00:00Z
        let entries = [
            AuditEntry(
                time: noon, clientID: "teller-1", operation: .read, reader: "Virtual PCD 00 00", outcome: "ok",
                passive: "valid", active: "valid", chip: "valid", overall: "valid", durationMilliseconds: 1520.25,
                idHash: hash),
            AuditEntry(
                time: noon.addingTimeInterval(86400), clientID: "=HYPERLINK(\"x\")", operation: .verify,
                outcome: "invalid_request", durationMilliseconds: 3),
            AuditEntry(
                time: noon.addingTimeInterval(2 * 86400 + 0.5), clientID: "kiosk, lobby", operation: .compare,
                outcome: "ok", similarity: 0.9125, durationMilliseconds: 410, idHash: hash, liveness: "attack-suspected"),
        ]
        for entry in entries { try journal.record(entry) }
        return (path, entries, hash)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: binary.path)))
    func jsonExportRoundTrips() throws {
        let dir = try AuditTestDirectory()
        let (path, entries, _) = try Self.writeJournal(in: dir)
        let result = try Self.run(["--journal", path, "--json"])
        #expect(result.status == 0)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            return try #require(formatter.date(from: text))
        }
        struct Document: Decodable { var entries: [AuditEntry] }
        #expect(try decoder.decode(Document.self, from: Data(result.output.utf8)).entries == entries)
        #expect(result.output.contains("\"time\" : \"2026-11-20T12:00:00.000Z\""))
        #expect(!result.output.contains("079190012345"))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: binary.path)))
    func dayRangeAndLimit() throws {
        let dir = try AuditTestDirectory()
        let (path, _, _) = try Self.writeJournal(in: dir)
        func operations(_ arguments: [String], timeZone: String = "UTC") throws -> [String] {
            let result = try Self.run(["--journal", path, "--json"] + arguments, timeZone: timeZone)
            #expect(result.status == 0, "\(arguments): \(result.error)")
            let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as! [String: Any]
            return (object["entries"] as! [[String: Any]]).map { $0["operation"] as! String }
        }
        #expect(try operations([]) == ["read", "verify", "compare"])
        #expect(try operations(["--since", "2026-11-21"]) == ["verify", "compare"])
        #expect(try operations(["--until", "2026-11-21"]) == ["read", "verify"])  // --until includes its day
        #expect(try operations(["--since", "2026-11-21", "--until", "2026-11-21"]) == ["verify"])
        #expect(try operations(["--limit", "2"]) == ["verify", "compare"])
        #expect(try operations(["--since", "2026-11-20T12:00:00.001Z"]) == ["verify", "compare"])
        // Days are local: on Kiritimati (UTC+14) 2026-11-20T12:00Z is already 02:00 on the 21st.
        #expect(try operations(["--since", "2026-11-21"], timeZone: "Pacific/Kiritimati") == ["read", "verify", "compare"])
        #expect(try operations(["--until", "2026-11-20"], timeZone: "Pacific/Kiritimati") == [])
        #expect(try operations(["--since", "2026-11-21"], timeZone: "Asia/Ho_Chi_Minh") == ["verify", "compare"])
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: binary.path)))
    func csvExportQuotesAndDefusesFormulas() throws {
        let dir = try AuditTestDirectory()
        let (path, _, hash) = try Self.writeJournal(in: dir)
        let result = try Self.run(["--journal", path, "--csv"])
        #expect(result.status == 0)
        let lines = result.output.components(separatedBy: "\r\n")
        #expect(lines.count == 5 && lines[4].isEmpty)
        #expect(lines[0] == "time,clientID,operation,reader,outcome,passive,active,chip,overall,similarity,durationMilliseconds,idHash,liveness")
        #expect(lines[1] == "2026-11-20T12:00:00.000Z,teller-1,read,Virtual PCD 00 00,ok,valid,valid,valid,valid,,1520.25,\(hash),")
        #expect(lines[2] == "2026-11-21T12:00:00.000Z,\"'=HYPERLINK(\"\"x\"\")\",verify,,invalid_request,,,,,,3.0,,")
        #expect(lines[3] == "2026-11-22T12:00:00.500Z,\"kiosk, lobby\",compare,,ok,,,,,0.9125,410.0,\(hash),attack-suspected")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: binary.path)))
    func textListing() throws {
        let dir = try AuditTestDirectory()
        let (path, _, hash) = try Self.writeJournal(in: dir)
        let result = try Self.run(["--journal", path])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("2026-11-20 12:00:00  read     ok  overall=valid  1520 ms  reader=\"Virtual PCD 00 00\""))
        #expect(lines[0].hasSuffix("id=\(hash.prefix(12))…"))
        #expect(lines[2].contains("similarity=0.912") || lines[2].contains("similarity=0.913"))
        #expect(lines[3] == "3 entries")
        // Local time in the listing.
        let hanoi = try Self.run(["--journal", path], timeZone: "Asia/Ho_Chi_Minh")
        #expect(hanoi.output.hasPrefix("2026-11-20 19:00:00  read"))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: binary.path)))
    func errorsAndUsage() throws {
        let dir = try AuditTestDirectory()
        let missing = try Self.run(["--journal", dir.path("none.sqlite")])
        #expect(missing.status == 2)
        #expect(missing.error.contains("none.sqlite"))
        #expect(!FileManager.default.fileExists(atPath: dir.path("none.sqlite")))
        let (path, _, _) = try Self.writeJournal(in: dir)
        #expect(try Self.run(["--journal", path, "--json", "--csv"]).status == 64)
        #expect(try Self.run(["--journal", path, "--since", "20.11.2026"]).status == 64)
        #expect(try Self.run(["--journal", path, "--until", "2026-02-30"]).status == 64)
        #expect(try Self.run(["--journal", path, "--limit", "-1"]).status == 64)
        // Listing never modifies the journal.
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        _ = try Self.run(["--journal", path, "--csv"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }
}
