import CCCDDaemonAPI
import HTTPTypes
import Hummingbird

/// `X-Client-Id`, the caller's label in the audit journal. It is checked before any work starts:
/// 1–64 characters out of `A–Z a–z 0–9 . _ - @`, else 400 `invalid_client_id` (an id the journal
/// could not hold must not yield an unaudited read). Long digit runs are allowed here; the journal
/// keeps them as keyed pseudonyms (``AuditRecorder``, `AuditJournal.pseudonymousClientID`).
enum ClientIdentity {
    static let header = HTTPField.Name("X-Client-Id")!
    static let maximumLength = 64
    /// The id of requests that send no `X-Client-Id`.
    static let anonymous = "local"

    static func isValid(_ value: String) -> Bool {
        let scalars = value.unicodeScalars
        return (1...maximumLength).contains(scalars.count) && scalars.allSatisfy { scalar in
            switch scalar {
            case "A"..."Z", "a"..."z", "0"..."9", ".", "_", "-", "@": true
            default: false
            }
        }
    }

    /// The request's client id; throws for a header that is present but invalid.
    static func clientID(_ request: Request) throws(APIError) -> String {
        guard let value = request.headers[header] else { return anonymous }
        guard isValid(value) else { throw .invalidClientID }
        return value
    }
}

/// Refuses a request with an invalid `X-Client-Id` before its route runs.
struct ClientIdentityMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        _ = try ClientIdentity.clientID(request)
        return try await next(request, context)
    }
}

extension APIError {
    static let invalidClientID = APIError(
        .badRequest, code: "invalid_client_id",
        message: "X-Client-Id must be 1-64 characters out of A-Z a-z 0-9 . _ - @")
}
