import CCCDDaemonAPI
import Foundation
import HTTPTypes
import Hummingbird

/// `POST /v1/readers/{id}/read`, `GET|DELETE /v1/reads/{readId}`, `GET /v1/reads/{readId}/photo`,
/// `POST /v1/sessions/{sessionId}/cancel`. A read and its session belong to the client whose token
/// started it; to every other client they answer 404 as if they did not exist.
enum ReadRoutes {
    static let sessionHeader = HTTPField.Name("X-Session-Id")!

    static func register(on router: RouterGroup<DaemonRequestContext>, services: DaemonServices) {
        router.post("/v1/readers/:id/read") { request, context in
            let readRequest = try await request.decode(as: ReadRequest.self, context: context)
            let readerID = try DaemonRouter.parameter("id", context)
            let headerSession = request.headers[sessionHeader]
            if let headerSession { try SessionID.validate(headerSession) }
            let stored = try await services.readRunner.run(
                readRequest, readerID: readerID, headerSessionId: headerSession,
                clientID: DaemonRouter.clientID(request, context),
                owner: try context.owner())
            var response = try JSONResponse.response(ReadResponse(read: stored))
            response.headers[sessionHeader] = stored.sessionId
            return response
        }
        router.get("/v1/reads/:readId") { _, context in
            let id = try DaemonRouter.parameter("readId", context)
            guard let stored = services.store.read(id, owner: try context.owner()) else { throw APIError.readNotFound }
            return try JSONResponse.response(ReadResponse(read: stored))
        }
        router.delete("/v1/reads/:readId") { _, context in
            let id = try DaemonRouter.parameter("readId", context)
            guard services.store.delete(id, owner: try context.owner()) else { throw APIError.readNotFound }
            return Response(status: .noContent)
        }
        router.get("/v1/reads/:readId/photo") { request, context in
            // `format` is absent or `original` (docs/openapi.json); anything else is refused, not ignored.
            let format = request.uri.queryParameters.get("format")
            guard format == nil || format == "original" else {
                throw APIError.invalidRequest("format must be original or absent")
            }
            let id = try DaemonRouter.parameter("readId", context)
            guard let stored = services.store.read(id, owner: try context.owner()) else { throw APIError.readNotFound }
            guard let photo = stored.result.photo, !photo.imageData.isEmpty else {
                throw APIError(.notFound, code: "photo_not_found", message: "this read has no photo")
            }
            let original = format == "original"
            let (bytes, type) = try PhotoTranscoder.browserImage(photo.imageData, format: photo.format, original: original)
            var headers = HTTPFields()
            headers[.contentType] = type
            headers[.cacheControl] = "no-store"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
        router.post("/v1/sessions/:sessionId/cancel") { _, context in
            let id = try DaemonRouter.parameter("sessionId", context)
            guard services.readers.cancel(sessionId: id, owner: try context.owner()) else { throw APIError.sessionNotFound }
            return try JSONResponse.response(CancelResponse(sessionId: id, cancelled: true), status: .accepted)
        }
    }
}
