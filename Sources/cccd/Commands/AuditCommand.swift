import ArgumentParser
import CCCDAudit
import Foundation

/// `cccd audit [--journal PATH] [--since DAY] [--until DAY] [--limit N] [--json | --csv]`: lists or
/// exports the daemon's audit journal (read-only; the journal holds no names, photos or ID numbers,
/// only a salted hash of the ID).
struct AuditCommand: AsyncParsableCommand {
    static let defaultJournal = "/var/lib/cccdkit/audit.sqlite"

    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "List or export the audit journal of cccdd (reads, verifications, face comparisons).",
        discussion: """
            Days are YYYY-MM-DD in the local time zone (or full ISO 8601 times); --until includes its day. \
            --limit keeps the newest N entries. Times in JSON and CSV are UTC (ISO 8601), in the text \
            listing local. Exit status: 0 listed, 2 journal missing or unreadable, 64 usage.
            """)

    @Option(help: "The journal (SQLite) file.")
    var journal: String = AuditCommand.defaultJournal

    @Option(help: "First day (YYYY-MM-DD) or time (ISO 8601) to list.")
    var since: String?

    @Option(help: "Last day (YYYY-MM-DD, included) or time (ISO 8601, excluded) to list.")
    var until: String?

    @Option(help: "List only the newest N entries.")
    var limit: Int?

    @Flag(help: "Print one JSON object {\"entries\": […]}.")
    var json = false

    @Flag(help: "Print CSV (RFC 4180, header row).")
    var csv = false

    func validate() throws {
        if json && csv { throw ValidationError("--json and --csv are exclusive") }
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
        if let since, AuditDateArgument.parse(since, endOfDay: false) == nil {
            throw ValidationError("--since must be YYYY-MM-DD or an ISO 8601 time")
        }
        if let until, AuditDateArgument.parse(until, endOfDay: true) == nil {
            throw ValidationError("--until must be YYYY-MM-DD or an ISO 8601 time")
        }
    }

    func run() async throws {
        let entries: [AuditEntry]
        do {
            let reader = try AuditJournal(readingAt: journal)
            entries = try reader.entries(
                since: since.flatMap { AuditDateArgument.parse($0, endOfDay: false) },
                until: until.flatMap { AuditDateArgument.parse($0, endOfDay: true) },
                limit: limit)
        } catch {
            printError("cccd audit: \(error)")
            throw ExitCodes.couldNotRead
        }
        if json {
            FileHandle.standardOutput.write(try AuditExport.json(entries) + Data([0x0A]))
        } else if csv {
            FileHandle.standardOutput.write(Data(AuditExport.csv(entries).utf8))
        } else {
            print(AuditExport.text(entries), terminator: "")
        }
    }
}
