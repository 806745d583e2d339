import GRDB

/// The journal's tables, created and upgraded by GRDB's migrator. Append migrations; never edit
/// one that has shipped.
enum AuditSchema {
    static let table = "audit_entry"

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: audit_entry") { db in
            // time_ms: Unix time in milliseconds (UTC), so `datetime(time_ms / 1000, 'unixepoch')`
            // reads it in the sqlite3 shell.
            try db.create(table: table) { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("time_ms", .integer).notNull().indexed()
                t.column("client_id", .text).notNull()
                t.column("operation", .text).notNull()
                    .check { ["read", "verify", "compare"].contains($0) }
                t.column("reader", .text)
                t.column("outcome", .text).notNull()
                t.column("passive", .text)
                t.column("active", .text)
                t.column("chip", .text)
                t.column("overall", .text)
                t.column("similarity", .double)
                t.column("duration_ms", .double).notNull()
                t.column("id_hash", .text)
            }
        }
        migrator.registerMigration("v2: audit_entry.liveness") { db in
            // The presentation-attack status of a face comparison (issue 16); a status word only.
            try db.alter(table: table) { t in t.add(column: "liveness", .text) }
        }
        // SQLite cannot change a CHECK constraint in place: the table is rebuilt with the new
        // operation and the two columns an evidence export needs (its format and read id).
        migrator.registerMigration("v3: evidence-export, format, read_id") { db in
            try db.execute(sql: "DROP INDEX IF EXISTS audit_entry_on_time_ms")
            try db.rename(table: table, to: "audit_entry_before_v3")
            try db.create(table: table) { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("time_ms", .integer).notNull().indexed()
                t.column("client_id", .text).notNull()
                t.column("operation", .text).notNull()
                    .check { ["read", "verify", "compare", "evidence-export"].contains($0) }
                t.column("reader", .text)
                t.column("outcome", .text).notNull()
                t.column("passive", .text)
                t.column("active", .text)
                t.column("chip", .text)
                t.column("overall", .text)
                t.column("similarity", .double)
                t.column("duration_ms", .double).notNull()
                t.column("id_hash", .text)
                t.column("liveness", .text)
                t.column("format", .text)
                t.column("read_id", .text)
            }
            let old = "id, time_ms, client_id, operation, reader, outcome, passive, active, chip, overall, similarity, duration_ms, id_hash, liveness"
            try db.execute(sql: "INSERT INTO \(table) (\(old)) SELECT \(old) FROM audit_entry_before_v3")
            try db.drop(table: "audit_entry_before_v3")
        }
        return migrator
    }
}
