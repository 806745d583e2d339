import HTTPTypes

/// Every error the API answers: an HTTP status and `{"error": {"code", "message"}}` with a stable
/// snake_case code (docs/daemon.md, docs/openapi.json). Messages never contain personal data.
public struct APIError: Error, Sendable, Equatable {
    public var status: HTTPResponse.Status
    public var code: String
    public var message: String

    public init(_ status: HTTPResponse.Status, code: String, message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    public static let unauthorized = APIError(.unauthorized, code: "unauthorized", message: "missing or invalid bearer token")
    public static let forbiddenOrigin = APIError(.forbidden, code: "forbidden_origin", message: "requests from this web origin are not allowed")
    public static let forbiddenHost = APIError(.forbidden, code: "forbidden_host", message: "the Host header does not name this service")
    public static let notFound = APIError(.notFound, code: "not_found", message: "no such endpoint")
    public static let readerNotFound = APIError(.notFound, code: "reader_not_found", message: "no reader with this index or name")
    public static let readNotFound = APIError(.notFound, code: "read_not_found", message: "no such read (unknown, expired or wiped)")
    public static let sessionNotFound = APIError(.notFound, code: "session_not_found", message: "no read session with this id is running")
    public static let readerBusy = APIError(.conflict, code: "reader_busy", message: "the reader is busy with another read")
    public static let noReader = APIError(.serviceUnavailable, code: "no_reader", message: "no smart-card reader is available")
    public static let noCard = APIError(.unprocessableContent, code: "no_card", message: "no card was presented in time")
    public static let payloadTooLarge = APIError(.contentTooLarge, code: "payload_too_large", message: "the request body is too large")
    public static let unsupportedMediaType = APIError(.unsupportedMediaType, code: "unsupported_media_type", message: "unsupported content type")
    public static let methodNotAllowed = APIError(.methodNotAllowed, code: "method_not_allowed", message: "method not allowed on this endpoint")
    public static let internalError = APIError(.internalServerError, code: "internal", message: "internal error")

    public static func invalidRequest(_ message: String) -> APIError {
        APIError(.badRequest, code: "invalid_request", message: message)
    }

    public static func unreadableCard(_ message: String) -> APIError {
        APIError(.unprocessableContent, code: "unreadable_card", message: message)
    }

    public static func faceError(_ message: String) -> APIError {
        APIError(.unprocessableContent, code: "face_error", message: message)
    }
}
