import CCCDDaemonAPI
import CCCDKit
import Foundation
import HTTPTypes
import Hummingbird

/// `GET /v1/reads/{readId}/evidence?format=cccdkit|ekyc-raw|rar[&signed=true]` (the hand-off bundle
/// of a read that still lives, as JSON or, signed by the device key, as a JWS; docs/evidence.md),
/// `GET /v1/device` (the device key's public JWK) and `GET /v1/schema/read-result.schema.json` (the
/// result model's JSON Schema, referenced by the OpenAPI document). Bundles are never logged: the log and
/// metrics get the format, the read id and the client only.
enum EvidenceRoutes {
    static func register(
        teller: RouterGroup<DaemonRequestContext>, anyClient router: RouterGroup<DaemonRequestContext>,
        services: DaemonServices
    ) {
        teller.get("/v1/reads/:readId/evidence") { request, context in
            let id = try DaemonRouter.parameter("readId", context)
            let name = request.uri.queryParameters.get("format") ?? EvidenceFormat.cccdkit.rawValue
            guard let format = EvidenceFormat(rawValue: name) else {
                throw APIError.invalidRequest("format must be cccdkit, ekyc-raw or rar")
            }
            let signed = try signedRequested(request)
            guard let stored = services.store.read(id, owner: try context.owner()) else { throw APIError.readNotFound }
            let bundle: Data
            do {
                bundle = try EvidenceBundle.make(
                    format, result: stored.result, reader: stored.reader, readAt: stored.readAt, readId: stored.readId)
            } catch {
                throw APIError(.unprocessableContent, code: "evidence_unavailable", message: "\(error)")
            }
            try services.audit.recordEvidenceExport(format: format.rawValue, readId: stored.readId, clientID: DaemonRouter.clientID(request, context))
            guard signed else { return JSONResponse.response(data: bundle) }
            let jws: String
            do {
                jws = try EvidenceJWS.sign(bundle, key: services.deviceKey)
            } catch {
                throw APIError.internalError
            }
            var headers = HTTPFields()
            headers[.contentType] = "application/jose"
            headers[.cacheControl] = "no-store"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: Array(jws.utf8))))
        }
        router.get("/v1/device") { _, _ in
            JSONResponse.response(data: services.deviceJWK.jsonData())
        }
        router.get("/v1/schema/read-result.schema.json") { _, _ in
            guard let schema = OpenAPIDocument.resultSchema else { throw APIError.internalError }
            var response = JSONResponse.response(data: schema)
            response.headers[.contentType] = "application/schema+json"
            return response
        }
    }

    /// `signed=true` or `Accept: application/jose` asks for the JWS; `signed` takes only true or false.
    static func signedRequested(_ request: Request) throws(APIError) -> Bool {
        guard let value = request.uri.queryParameters.get("signed") else {
            return request.headers[.accept]?.contains("application/jose") == true
        }
        switch value {
        case "true": return true
        case "false": return false
        default: throw APIError.invalidRequest("signed must be true or false")
        }
    }
}
