import CCCDDaemonAPI
import HTTPTypes
import Hummingbird

/// `X-Client-Id`, a label the caller may add to its client name in the audit journal (the name
/// itself comes from the bearer token, ``DaemonRouter/clientID(_:_:)``). It is checked before any work starts:
/// 1–64 characters out of `A–Z a–z 0–9 . _ - @`, else 400 `invalid_client_id` (an id the journal
/// could not hold must not yield an unaudited read). Long digit runs are allowed here; the journal
/// keeps them as keyed pseudonyms (``AuditRecorder``, `AuditJournal.pseudonymousClientID`).
enum ClientIdentity {
    static let header = HTTPField.Name("X-Client-Id")!
    static let maximumLength = 64

    static func isValid(_ value: String) -> Bool {
        let scalars = value.unicodeScalars
        return (1...maximumLength).contains(scalars.count) && scalars.allSatisfy { scalar in
            switch scalar {
            case "A"..."Z", "a"..."z", "0"..."9", ".", "_", "-", "@": true
            default: false
            }
        }
    }

    /// The request's `X-Client-Id`, `nil` without one; throws for a header that is present but invalid.
    static func label(_ request: Request) throws(APIError) -> String? {
        guard let value = request.headers[header] else { return nil }
        guard isValid(value) else { throw .invalidClientID }
        return value
    }
}

/// Refuses a request with an invalid `X-Client-Id` before its route runs.
struct ClientIdentityMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        _ = try ClientIdentity.label(request)
        return try await next(request, context)
    }
}

extension APIError {
    static let invalidClientID = APIError(
        .badRequest, code: "invalid_client_id",
        message: "X-Client-Id must be 1-64 characters out of A-Z a-z 0-9 . _ - @")
}
