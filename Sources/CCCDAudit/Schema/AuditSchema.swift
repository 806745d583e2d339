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
        return migrator
    }
}
