import CCCDDaemonAPI
import CCCDKit
import Foundation
import HTTPTypes
import Hummingbird

/// `GET /v1/reads/{readId}/evidence?format=cccdkit|ekyc-raw|rar` (the hand-off bundle of a read
/// that still lives; docs/evidence.md) and `GET /v1/schema/read-result.schema.json` (the result
/// model's JSON Schema, referenced by the OpenAPI document). Bundles are never logged: the log and
/// metrics get the format, the read id and the client only.
enum EvidenceRoutes {
    static func register(on router: Router<BasicRequestContext>, services: DaemonServices) {
        router.get("/v1/reads/:readId/evidence") { request, context in
            let id = try DaemonRouter.parameter("readId", context)
            let name = request.uri.queryParameters.get("format") ?? EvidenceFormat.cccdkit.rawValue
            guard let format = EvidenceFormat(rawValue: name) else {
                throw APIError.invalidRequest("format must be cccdkit, ekyc-raw or rar")
            }
            guard let stored = services.store.read(id) else { throw APIError.readNotFound }
            let bundle: Data
            do {
                bundle = try EvidenceBundle.make(
                    format, result: stored.result, reader: stored.reader, readAt: stored.readAt, readId: stored.readId)
            } catch {
                throw APIError(.unprocessableContent, code: "evidence_unavailable", message: "\(error)")
            }
            try services.audit.recordEvidenceExport(format: format.rawValue, readId: stored.readId, clientID: DaemonRouter.clientID(request))
            return JSONResponse.response(data: bundle)
        }
        router.get("/v1/schema/read-result.schema.json") { _, _ in
            guard let schema = OpenAPIDocument.resultSchema else { throw APIError.internalError }
            var response = JSONResponse.response(data: schema)
            response.headers[.contentType] = "application/schema+json"
            return response
        }
    }
}
