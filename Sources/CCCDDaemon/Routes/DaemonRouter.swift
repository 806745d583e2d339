import CCCDDaemonAPI
import Foundation
import HTTPTypes
import Hummingbird

/// Builds the router: the security middleware chain, then the routes of ``RouteTable``.
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
        router.add(middleware: AuthMiddleware(token: services.token))
        router.add(middleware: ClientIdentityMiddleware())
        router.add(middleware: BodyLimitMiddleware(maxBodyBytes: configuration.maxBodyBytes))

        StatusRoutes.register(on: router, services: services)
        ReadRoutes.register(on: router, services: services)
        EventRoutes.register(on: router, services: services)
        FaceRoutes.register(on: router, services: services)
        VerifyRoutes.register(on: router, services: services)
        TellerPageRoutes.register(on: router, services: services)
        DiagnosticsRoutes.register(on: router, services: services)
        EvidenceRoutes.register(on: router, services: services)
        served.fill(router.routes.map { ($0.path.description, $0.method.rawValue) })
        return router
    }

    /// A path parameter, percent-decoded (reader names contain spaces).
    static func parameter(_ name: String, _ context: some RequestContext) throws(APIError) -> String {
        guard let raw = context.parameters.get(name) else { throw APIError.notFound }
        return raw.removingPercentEncoding ?? raw
    }

    /// The audit client id: `X-Client-Id` (checked by ``ClientIdentityMiddleware``), else `local`.
    static func clientID(_ request: Request) -> String {
        (try? ClientIdentity.clientID(request)) ?? ClientIdentity.anonymous
    }
}
