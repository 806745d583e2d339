import CCCDCrypto
import Foundation
import GRDB
import GRDBSQLite

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The audit journal: one SQLite row per read, verification and face comparison the daemon serves.
/// Safe to share between tasks and threads (one serialized GRDB `DatabaseQueue`); several processes
/// may open the same file (SQLite locking, with a busy timeout).
///
/// Rows hold verdicts, outcome, timing, client and reader — and the ID number only as a salted
/// HMAC (`hashID`). `record` refuses entries whose text fields hold long digit runs.
package final class AuditJournal: Sendable {
    private let database: DatabaseQueue
    private let salt: AuditSalt
    private let retentionMilliseconds: Int64?
    private let isReadOnly: Bool

    /// Opens the journal at `path` for writing, creating the file (mode 0640) and its schema if
    /// needed, and prunes rows older than `retention` (nil: keep everything).
    package init(path: String, salt: AuditSalt, retention: Duration?) throws(AuditError) {
        if let retention {
            let (seconds, attoseconds) = retention.components
            let ms = seconds * 1000 + attoseconds / 1_000_000_000_000_000
            guard ms > 0 else { throw .invalidRetention }
            retentionMilliseconds = ms
        } else {
            retentionMilliseconds = nil
        }
        self.salt = salt
        isReadOnly = false
        try Self.verifyHMAC(salt)
        try Self.createPrivately(path)
        database = try Self.open(path, readOnly: false)
        do {
            try AuditSchema.migrator.migrate(database)
        } catch {
            throw .migrationFailed(reason: Self.reason(error))
        }
        try Self.checkNotSuperseded(database)
        _ = try pruneExpired()
    }

    /// Opens an existing journal read-only, for listing and export (`cccd audit`); no salt needed.
    /// `record` and `pruneExpired` throw `.readOnly`; `hashID` uses a throw-away in-memory salt.
    package init(readingAt path: String) throws(AuditError) {
        salt = try AuditSalt.ephemeral()
        retentionMilliseconds = nil
        isReadOnly = true
        guard FileManager.default.fileExists(atPath: path) else {
            throw .cannotOpen(path: path, reason: "no such file")
        }
        database = try Self.open(path, readOnly: true)
        do {
            let complete = try database.read { db in try AuditSchema.migrator.hasCompletedMigrations(db) }
            guard complete else { throw AuditError.migrationFailed(reason: "not an audit journal, or one from an older version that was never opened for writing") }
        } catch let error as AuditError {
            throw error
        } catch {
            throw .cannotOpen(path: path, reason: Self.reason(error))
        }
        try Self.checkNotSuperseded(database)
    }

    /// Appends one row.
    package func record(_ entry: AuditEntry) throws(AuditError) {
        guard !isReadOnly else { throw .readOnly }
        try AuditEntryValidation.validate(entry)
        do {
            try database.write { db in
                try db.execute(
                    sql: "INSERT INTO \(AuditSchema.table) (\(AuditEntry.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    arguments: entry.insertArguments)
            }
        } catch {
            throw .database(reason: Self.reason(error))
        }
    }

    /// Rows with `since <= time < until`, oldest first. With a `limit`, the newest `limit` of them
    /// (still oldest first); a limit of 0 or less gives none.
    package func entries(since: Date? = nil, until: Date? = nil, limit: Int? = nil) throws(AuditError) -> [AuditEntry] {
        if let limit, limit <= 0 { return [] }
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let since {
            conditions.append("time_ms >= ?")
            _ = arguments.append(contentsOf: [AuditEntry.milliseconds(since)])
        }
        if let until {
            conditions.append("time_ms < ?")
            _ = arguments.append(contentsOf: [AuditEntry.milliseconds(until)])
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        var sql = "SELECT \(AuditEntry.columns) FROM \(AuditSchema.table) \(filter) ORDER BY time_ms DESC, id DESC"
        if let limit {
            sql += " LIMIT ?"
            _ = arguments.append(contentsOf: [limit])
        }
        do {
            let rows = try database.read { db in try Row.fetchAll(db, sql: sql, arguments: arguments) }
            return rows.reversed().compactMap(AuditEntry.init(row:))
        } catch {
            throw .database(reason: Self.reason(error))
        }
    }

    /// Deletes rows older than the retention; returns how many. Without a retention, deletes nothing.
    /// The daemon calls it periodically; opening the journal for writing calls it once.
    package func pruneExpired(now: Date = Date()) throws(AuditError) -> Int {
        guard !isReadOnly else { throw .readOnly }
        guard let retentionMilliseconds else { return 0 }
        let cutoff = AuditEntry.milliseconds(now) - retentionMilliseconds
        do {
            let removed = try database.write { db in
                try db.execute(sql: "DELETE FROM \(AuditSchema.table) WHERE time_ms < ?", arguments: [cutoff])
                return db.changesCount
            }
            // Pruned rows may still sit in earlier frames of the -wal file: copy the log into the
            // database (whose freed pages secure_delete has zeroed) and empty it. A reader holding
            // the log open (`cccd audit` at this moment) makes it fail; the next prune retries.
            try? database.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
            return removed
        } catch {
            throw .database(reason: Self.reason(error))
        }
    }

    /// The connection's journal mode and `synchronous` level (2 = FULL: each commit synced).
    package func storageSettings() throws(AuditError) -> (journalMode: String, synchronous: Int) {
        do {
            return try database.read { db in
                let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? ""
                let synchronous = try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1
                return (mode, synchronous)
            }
        } catch {
            throw .database(reason: Self.reason(error))
        }
    }

    /// HMAC-SHA256(salt, ID) in lower-case hex, for `AuditEntry.idHash`. Surrounding white space is
    /// ignored. The same ID gives the same hash under one salt, unrelated hashes under another.
    package func hashID(_ id: String) -> String {
        let data = Array(id.trimmingCharacters(in: .whitespacesAndNewlines).utf8)
        // HMAC-SHA256 was checked to work when the journal opened; should OpenSSL fail later, the
        // marker below is not a valid idHash, so `record` refuses the entry instead of storing it.
        guard let mac = try? HMAC.authenticate(key: salt.bytes, data: data, digest: .sha256) else {
            return "unavailable"
        }
        return mac.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// The client id as the journal keeps it: every run of more than
    /// `AuditEntryValidation.maximumDigitRun` digits (`kiosk-000123`, or an ID number a client put in
    /// `X-Client-Id`) is replaced by `#` and 12 letters a–p spelling the first 48 bits of
    /// HMAC-SHA256(salt, "client-id:" + run). Distinct kiosks stay distinct and an operator with the
    /// salt can recompute the pseudonym, but no long digit run reaches the journal; shorter runs
    /// (`teller-7`) are kept as they are. Letters, not hex: hex could itself hold six digits in a row.
    package func pseudonymousClientID(_ clientID: String) -> String {
        var output = ""
        var run = ""
        func flush() {
            if run.unicodeScalars.count > AuditEntryValidation.maximumDigitRun {
                let mac = (try? HMAC.authenticate(key: salt.bytes, data: Array(("client-id:" + run).utf8), digest: .sha256)) ?? []
                let letters = mac.prefix(6).flatMap { [$0 >> 4, $0 & 0x0F] }.map { Character(UnicodeScalar(UInt8(ascii: "a") + $0)) }
                output += "#" + (letters.count == 12 ? String(letters) : "unavailable")
            } else {
                output += run
            }
            run = ""
        }
        for scalar in clientID.unicodeScalars {
            if scalar.properties.numericType == .decimal {
                run.unicodeScalars.append(scalar)
            } else {
                flush()
                output.unicodeScalars.append(scalar)
            }
        }
        flush()
        return output
    }

    // MARK: - Opening

    private static func open(_ path: String, readOnly: Bool) throws(AuditError) -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.busyMode = .timeout(5)
        configuration.label = "CCCDAudit"
        configuration.prepareDatabase { db in
            // Deleted (pruned) rows are overwritten, not left in free pages.
            try db.execute(sql: "PRAGMA secure_delete = ON")
            // The daemon only appends; SQLite's default page cache (2 MiB) would just hold the
            // growing journal in the daemon's memory. 256 KiB keeps its footprint flat.
            try db.execute(sql: "PRAGMA cache_size = -256")
            if !readOnly { try useWriteAheadLog(db) }
        }
        do {
            return try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw .cannotOpen(path: path, reason: reason(error))
        }
    }

    /// Write-ahead logging with `synchronous = FULL`: a commit appends the row's pages to
    /// `audit.sqlite-wal` and syncs that one file, so every recorded row survives a power cut as
    /// before, but without the rollback journal's four syncs (journal twice, its folder, the
    /// database) and unlink — the audit write each API read waits for went from a median of 5.7 ms
    /// (up to 20 ms) to about 1 ms on a busy disk.
    /// The `-wal` and `-shm` files get the database's mode (0640) from SQLite and are kept when the
    /// journal closes (persistent WAL): a reader who may not create files in the folder (`cccd audit`
    /// run by an auditor) can then still open the journal while the daemon is stopped.
    private static func useWriteAheadLog(_ db: Database) throws {
        var persist: CInt = 1
        let code = sqlite3_file_control(db.sqliteConnection, nil, SQLITE_FCNTL_PERSIST_WAL, &persist)
        guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code)) }
        let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
        guard mode == "wal" else { throw DatabaseError(message: "journal_mode WAL refused (\(mode ?? "nil"))") }
        try db.execute(sql: "PRAGMA synchronous = FULL")
    }

    /// Creates an empty file with mode 0640 (owner writes, the daemon's group reads) so SQLite does
    /// not create it with the process umask; SQLite gives its journal files the same mode.
    private static func createPrivately(_ path: String) throws(AuditError) {
        let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o640)
        if fd >= 0 {
            _ = fchmod(fd, 0o640)
            close(fd)
        } else if errno != EEXIST {
            throw .cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
    }

    private static func verifyHMAC(_ salt: AuditSalt) throws(AuditError) {
        do {
            _ = try HMAC.authenticate(key: salt.bytes, data: [0x30], digest: .sha256)
        } catch {
            throw .hashUnavailable(reason: error.description)
        }
    }

    private static func checkNotSuperseded(_ database: DatabaseQueue) throws(AuditError) {
        do {
            let superseded = try database.read { db in try AuditSchema.migrator.hasBeenSuperseded(db) }
            if superseded { throw AuditError.migrationFailed(reason: "the journal was written by a newer version") }
        } catch let error as AuditError {
            throw error
        } catch {
            throw .database(reason: reason(error))
        }
    }

    /// SQLite's message without the SQL text (which could echo arguments in some GRDB errors).
    private static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return "SQLite error \(error.resultCode.rawValue): \(error.message ?? "unknown")"
        }
        return String(describing: type(of: error))
    }
}
