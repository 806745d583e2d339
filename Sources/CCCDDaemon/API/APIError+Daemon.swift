import CCCDDaemonAPI

/// Errors only the daemon's own layers raise (limits, audit).
extension APIError {
    static let faceBusy = APIError(
        .serviceUnavailable, code: "face_busy", message: "too many face comparisons are waiting; retry later")
    /// The audit journal could not record the operation: its result is withheld (fail closed).
    static let auditUnavailable = APIError(
        .serviceUnavailable, code: "audit_unavailable",
        message: "the audit journal could not record this request; its result is withheld")
}
