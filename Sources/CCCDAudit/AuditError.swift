import Foundation

/// Why the audit journal could not do what was asked. Carries paths and SQLite/OS reasons, never
/// entry contents.
package enum AuditError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The database file could not be opened or created.
    case cannotOpen(path: String, reason: String)
    /// The schema migration failed (or the file is not a journal this version understands).
    case migrationFailed(reason: String)
    /// A query or write failed.
    case database(reason: String)
    /// The journal was opened read-only (`AuditJournal(readingAt:)`) and was asked to write.
    case readOnly
    /// The salt file could not be read or created.
    case saltUnavailable(path: String, reason: String)
    /// The salt file exists but does not hold exactly `AuditSalt.length` bytes.
    case saltInvalid(path: String, length: Int)
    /// The salt file can be read or written by users outside its owner (and group, for reading):
    /// with the salt, hashed ID numbers can be recovered by trying every number.
    case saltNotPrivate(path: String, mode: UInt16)
    /// The salt file belongs to another user than the one the journal runs as.
    case saltWrongOwner(path: String, owner: UInt32)
    /// HMAC-SHA256 is not available from OpenSSL.
    case hashUnavailable(reason: String)
    /// The entry is malformed (empty outcome, negative duration, idHash that is not a hash, …).
    case invalidEntry(String)
    /// A text field of the entry holds a long run of digits (an ID number or a date of birth?):
    /// refused rather than written.
    case personalDataRejected(field: String)
    /// The retention is zero or negative.
    case invalidRetention

    package var description: String {
        switch self {
        case .cannotOpen(let path, let reason): return "cannot open the audit journal \(path): \(reason)"
        case .migrationFailed(let reason): return "audit journal migration failed: \(reason)"
        case .database(let reason): return "audit journal: \(reason)"
        case .readOnly: return "the audit journal was opened read-only"
        case .saltUnavailable(let path, let reason): return "cannot read or create the audit salt \(path): \(reason)"
        case .saltInvalid(let path, let length):
            return "the audit salt \(path) has \(length) bytes, expected \(AuditSalt.length)"
        case .saltNotPrivate(let path, let mode):
            return "the audit salt \(path) is accessible to others than its owner (mode \(String(mode, radix: 8))); chmod 600 it"
        case .saltWrongOwner(let path, let owner):
            return "the audit salt \(path) belongs to uid \(owner), not to this process (uid \(geteuid())); chown it to the daemon's user"
        case .hashUnavailable(let reason): return "HMAC-SHA256 unavailable: \(reason)"
        case .invalidEntry(let why): return "invalid audit entry: \(why)"
        case .personalDataRejected(let field):
            return "audit entry refused: field \(field) looks like it holds personal data (a long run of digits)"
        case .invalidRetention: return "the audit retention must be positive"
        }
    }
}
