/// What the daemon did for a client: one journal row each.
public enum AuditOperation: String, Codable, Sendable, CaseIterable {
    case read, verify, compare
}
