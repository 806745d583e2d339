/// What the daemon did for a client: one journal row each.
package enum AuditOperation: String, Codable, Sendable, CaseIterable {
    case read, verify, compare
    /// A hand-off bundle of a read was handed out (`GET /v1/reads/{readId}/evidence`): the format
    /// and the read id are journaled, never the bundle.
    case evidenceExport = "evidence-export"
}
