import CCCDDoctor
import Foundation
import Hummingbird

/// `GET /v1/diagnostics`: the checks of `cccd doctor` run by the daemon on its own settings (scopes
/// teller and monitor; the report holds no personal data). Always 200: the report's
/// `passed` says whether every check passed.
enum DiagnosticsRoutes {
    static func register(on router: RouterGroup<DaemonRequestContext>, services: DaemonServices) {
        router.get("/v1/diagnostics") { _, _ in
            let configuration = services.configuration
            let settings = DaemonSettings(
                listen: configuration.listen, unixSocket: configuration.unixSocket, tokenFile: configuration.tokenFile,
                tls: configuration.tls != nil)
            let options = DoctorOptions(
                trustFolder: services.trust.folder?.url,
                modelsDirectory: services.face.modelsDirectory, daemon: .running(settings))
            return try JSONResponse.response(await Doctor.run(options))
        }
    }
}
