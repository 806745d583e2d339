import CCCDDaemonAPI
import Foundation
import HTTPTypes
import Hummingbird

/// `GET /v1/schema/read-result.schema.json` (the result model's JSON Schema, referenced by the
/// OpenAPI document).
enum EvidenceRoutes {
    static func register(on router: Router<BasicRequestContext>, services: DaemonServices) {
        router.get("/v1/schema/read-result.schema.json") { _, _ in
            guard let schema = OpenAPIDocument.resultSchema else { throw APIError.internalError }
            var response = JSONResponse.response(data: schema)
            response.headers[.contentType] = "application/schema+json"
            return response
        }
    }
}
