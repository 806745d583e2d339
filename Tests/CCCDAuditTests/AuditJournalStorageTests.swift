import CCCDAudit
import Foundation
import Testing

/// How the journal sits on disk: write-ahead log with every commit synced, its files as private as
/// the database, kept for read-only readers, and emptied of pruned rows.
@Suite struct AuditJournalStorageTests {
    func makeEntry(_ time: Date, clientID: String = "teller-app") -> AuditEntry {
        AuditEntry(
            time: time, clientID: clientID, operation: .read, reader: "Virtual PCD 00 00", outcome: "ok",
            passive: "valid", active: "valid", chip: "valid", overall: "valid", similarity: nil,
            durationMilliseconds: 12.5, idHash: nil)
    }

    /// Every file of the journal (`a.sqlite`, `-wal`, `-shm`), concatenated.
    func journalBytes(_ dir: AuditTestDirectory, _ name: String) throws -> Data {
        var bytes = Data()
        for file in try FileManager.default.contentsOfDirectory(atPath: dir.url.path) where file.hasPrefix(name) {
            bytes.append(try Data(contentsOf: dir.url.appendingPathComponent(file)))
        }
        return bytes
    }

    @Test func commitsGoToAWriteAheadLogSyncedOnEveryCommit() throws {
        let dir = try AuditTestDirectory()
        let journal = try AuditJournal(
            path: dir.path("a.sqlite"), salt: try AuditSalt.loadOrCreate(at: dir.path("salt")), retention: nil)
        try journal.record(makeEntry(Date()))
        let settings = try journal.storageSettings()
        #expect(settings.journalMode == "wal")
        #expect(settings.synchronous == 2)  // FULL: a recorded row is durable when record returns
        // The read-only reader (`cccd audit`) opens it while the writer has it open.
        #expect(try AuditJournal(readingAt: dir.path("a.sqlite")).entries().count == 1)
    }

    @Test func theLogFilesAreAsPrivateAsTheDatabaseAndOutliveTheDaemon() throws {
        let dir = try AuditTestDirectory()
        let path = dir.path("a.sqlite")
        do {
            let journal = try AuditJournal(path: path, salt: try AuditSalt.loadOrCreate(at: dir.path("salt")), retention: nil)
            try journal.record(makeEntry(Date()))
            for suffix in ["", "-wal", "-shm"] { #expect(try posixMode(path + suffix) == 0o640) }
        }
        // Closed (the daemon stopped): the -wal and -shm files stay, so a reader who may not create
        // files in the folder can still open the journal; no rollback journal is left either.
        for suffix in ["-wal", "-shm"] { #expect(FileManager.default.fileExists(atPath: path + suffix)) }
        #expect(!FileManager.default.fileExists(atPath: path + "-journal"))
        #expect(try AuditJournal(readingAt: path).entries().count == 1)
    }

    @Test func prunedRowsLeaveNoTraceInTheDatabaseOrItsLog() throws {
        let dir = try AuditTestDirectory()
        let journal = try AuditJournal(
            path: dir.path("a.sqlite"), salt: try AuditSalt.loadOrCreate(at: dir.path("salt")), retention: .seconds(3600))
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        for i in 0..<30 { try journal.record(makeEntry(now.addingTimeInterval(-7200 + Double(i)), clientID: "kiosk-old-xyz")) }
        for i in 0..<5 { try journal.record(makeEntry(now.addingTimeInterval(-60 + Double(i)), clientID: "kiosk-new-abc")) }
        #expect(try journalBytes(dir, "a.sqlite").range(of: Data("kiosk-old-xyz".utf8)) != nil)

        #expect(try journal.pruneExpired(now: now) == 30)
        let bytes = try journalBytes(dir, "a.sqlite")
        #expect(bytes.range(of: Data("kiosk-old-xyz".utf8)) == nil)
        #expect(bytes.range(of: Data("kiosk-new-abc".utf8)) != nil)
        #expect(try journal.entries().count == 5)
    }
}
