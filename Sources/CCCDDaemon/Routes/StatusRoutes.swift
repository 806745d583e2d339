import CCCDDaemonAPI
import Foundation
import Hummingbird

/// `/healthz` (public), `/v1/status`, `/v1/readers`, `/v1/openapi.json` (any client), `/metrics`
/// (scopes teller and monitor).
enum StatusRoutes {
    static func registerPublic(on router: Router<BasicRequestContext>) {
        // The same bytes every time: encoded once.
        let health = try? JSONResponse.encoder.encode(HealthResponse(status: "ok", version: CCCDDaemonInfo.version))
        router.get("/healthz") { _, _ in
            guard let health else { throw APIError.internalError }
            return JSONResponse.response(data: health)
        }
    }

    static func register(
        anyClient router: RouterGroup<DaemonRequestContext>, operations: RouterGroup<DaemonRequestContext>,
        services: DaemonServices
    ) {
        // Polled often (monitoring, the teller page): the body is encoded again only when it changed.
        let statusBodies = EncodedBodyCache<StatusResponse>()
        router.get("/v1/status") { _, _ in
            let uptime = ContinuousClock.now - services.startedAt
            let status = StatusResponse(
                service: "cccdd", version: CCCDDaemonInfo.version, uptimeSeconds: Int(uptime.components.seconds),
                readers: services.readers.readers(), trust: services.trust.status())
            return JSONResponse.response(data: try statusBodies.body(for: status))
        }
        router.get("/v1/readers") { _, _ in
            try JSONResponse.response(ReadersResponse(readers: services.readers.readers()))
        }
        operations.get("/metrics") { _, _ in
            services.metrics.update(services)
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: services.metrics.exposition())))
        }
        router.get("/v1/openapi.json") { _, _ in
            guard let document = OpenAPIDocument.data else { throw APIError.internalError }
            return JSONResponse.response(data: document)
        }
    }
}
