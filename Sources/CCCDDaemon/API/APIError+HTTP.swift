import CCCDDaemonAPI
import CCCDKit
import Foundation
import Hummingbird

/// How an ``APIError`` leaves the daemon: Hummingbird's error response with the JSON error shape.
extension APIError: HTTPResponseError {
    /// Any error thrown while answering, in the error shape. Hummingbird's own errors keep their status.
    public static func from(_ error: any Error) -> APIError {
        switch error {
        case let error as APIError: return error
        case let error as CardReadError: return from(error)
        case let error as HTTPError:
            switch error.status {
            case .notFound: return .notFound
            case .contentTooLarge: return .payloadTooLarge
            case .methodNotAllowed: return .methodNotAllowed
            case .unsupportedMediaType: return .unsupportedMediaType
            case .badRequest: return .invalidRequest(error.body ?? "bad request")
            case .unauthorized: return .unauthorized
            default:
                return APIError(error.status, code: error.status.code >= 500 ? "internal" : "invalid_request",
                                message: error.status.reasonPhrase)
            }
        default: return .internalError
        }
    }

    private struct Body: Encodable {
        struct Inner: Encodable {
            var code: String
            var message: String
        }
        var error: Inner
    }

    /// The JSON body `{"error": {"code", "message"}}`.
    public var bodyData: Data {
        (try? JSONResponse.encoder.encode(Body(error: .init(code: code, message: message)))) ?? Data()
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        response()
    }

    public func response() -> Response {
        JSONResponse.response(data: bodyData, status: status)
    }
}
