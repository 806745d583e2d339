import CCCDDaemonAPI
import Foundation
import HTTPTypes
import Hummingbird

/// Builds the router: the checks every request passes (error shape, 405, metrics, Host, Origin),
/// the public routes (`/healthz`, the page), then the API group: bearer token → ``AuthMiddleware``
/// puts the client into ``DaemonRequestContext``, `X-Client-Id` and body-size checks, and inside it
/// one group per set of scopes (``ScopeMiddleware``; docs/daemon-operations.md, "Client tokens").
public enum DaemonRouter {
    public static func make(_ services: DaemonServices) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        let configuration = services.configuration
        router.add(middleware: ErrorShapeMiddleware())
        let served = MethodNotAllowedMiddleware<BasicRequestContext>.RouteTable()
        router.add(middleware: MethodNotAllowedMiddleware(table: served))
        router.add(middleware: MetricsMiddleware())
        router.add(middleware: HostCheckMiddleware(policy: HostPolicy(port: services.port, allowedHosts: configuration.allowedHosts)))
        router.add(middleware: OriginMiddleware(policy: OriginPolicy(allowedOrigins: configuration.allowedOrigins, port: services.port)))
        StatusRoutes.registerPublic(on: router)
        TellerPageRoutes.register(on: router, services: services)

        let api = router.group(context: DaemonRequestContext.self)
            .add(middleware: AuthMiddleware(clients: services.clients))
            .add(middleware: ClientIdentityMiddleware())
            .add(middleware: BodyLimitMiddleware(maxBodyBytes: configuration.maxBodyBytes))
        let operations = api.group().add(middleware: ScopeMiddleware(.teller, .monitor))
        let reading = api.group().add(middleware: ScopeMiddleware(.teller, .kiosk))
        let teller = api.group().add(middleware: ScopeMiddleware(.teller))

        StatusRoutes.register(anyClient: api, operations: operations, services: services)
        DiagnosticsRoutes.register(on: operations, services: services)
        ReadRoutes.register(on: reading, services: services)
        EventRoutes.register(on: reading, services: services)
        FaceRoutes.register(on: teller, services: services)
        VerifyRoutes.register(on: teller, services: services)
        EvidenceRoutes.register(teller: teller, anyClient: api, services: services)
        served.fill(router.routes.map { ($0.path.description, $0.method.rawValue) })
        return router
    }

    /// A path parameter, percent-decoded (reader names contain spaces).
    static func parameter(_ name: String, _ context: some RequestContext) throws(APIError) -> String {
        guard let raw = context.parameters.get(name) else { throw APIError.notFound }
        return raw.removingPercentEncoding ?? raw
    }

    /// The audit client id: the name of the client the bearer token belongs to — a caller cannot
    /// choose it — and, when the caller sends `X-Client-Id` (checked by ``ClientIdentityMiddleware``),
    /// that label after a `/`: `teller-a`, `teller-a/desk-3`, `legacy/kiosk-7`.
    static func clientID(_ request: Request, _ context: DaemonRequestContext) throws(APIError) -> String {
        let owner = try context.owner()
        guard let label = try ClientIdentity.label(request) else { return owner }
        return owner + "/" + label
    }
}
