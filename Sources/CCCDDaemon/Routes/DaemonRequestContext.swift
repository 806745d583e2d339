import CCCDDaemonAPI
import Hummingbird

/// The request context of the authenticated API group: Hummingbird's basic context plus the client
/// that ``AuthMiddleware`` found for the bearer token. The public routes (`/healthz`, the page) keep
/// `BasicRequestContext`; ``DaemonRouter`` converts to this one where the API group starts.
public struct DaemonRequestContext: RequestContext {
    public typealias Source = BasicRequestContext
    public var coreContext: CoreRequestContextStorage
    /// Set by ``AuthMiddleware`` before any route of the group runs.
    public var client: AuthenticatedClient?
    /// The configured `maxBodyBytes`, set by ``BodyLimitMiddleware``; `request.decode` reads no more.
    public var maxUploadSize: Int
    public var requestDecoder: DaemonRequestDecoder { DaemonRequestDecoder() }

    public init(source: BasicRequestContext) {
        // The parent's storage, not a fresh one: it holds the path parameters the router matched.
        coreContext = source.coreContext
        client = nil
        maxUploadSize = DaemonConfiguration.defaultMaxBodyBytes
    }

    /// The name that owns the reads this request makes or may see.
    func owner() throws(APIError) -> String {
        guard let client else { throw .unauthorized }
        return client.name
    }
}
