import CCCDTrust
import Foundation

/// Runs the installation checks of `cccd doctor` and `GET /v1/diagnostics`, in a fixed order:
/// PC/SC (service, readers, cards), the optional protected test exchange, trust store, face models,
/// daemon (configuration, token file, listening address, `/healthz`), clock.
public enum Doctor {
    public static func run(_ options: DoctorOptions) async -> DoctorReport {
        var checks: [DoctorCheck] = []
        let pcsc = PCSCCheck.run()
        checks += pcsc.checks
        if let can = options.can {
            if options.reader == nil && pcsc.cardReaders.isEmpty {
                checks.append(.fail("card-access", "no card to test the CAN on", fix: "Put the card on the reader and run again."))
            } else {
                checks.append(await CardAccessCheck.run(can: can, reader: options.reader ?? pcsc.cardReaders.first))
            }
        }
        if let folder = options.trustFolder {
            checks.append(TrustCheck.run(TrustFolder(url: folder), at: options.now))
        } else {
            checks.append(.warn(
                "trust-store", "the anchors come from the configuration's `trust` paths, not a trust store folder: not checked",
                fix: "Use the trust store folder (`trustDir`, docs/trust-store.md) so that its health can be checked and refreshed."))
        }
        checks += FaceModelsCheck.run(directory: options.modelsDirectory)
        switch options.daemon {
        case .file(let path, let explicit):
            let daemon = DaemonCheck.run(path: path, explicit: explicit)
            checks += daemon.checks
            if let settings = daemon.settings {
                checks.append(await HealthzCheck.run(settings, timeout: options.healthTimeout))
            }
        case .running(let settings):
            checks.append(.pass("daemon-config", "the running daemon's configuration"))
            checks.append(DaemonCheck.tokenFile(settings.tokenFile))
            checks.append(DaemonCheck.listen(settings))
            checks.append(.pass("healthz", "this daemon is answering"))
        }
        checks.append(ClockCheck.run(now: options.now, buildDate: options.buildDate))
        return DoctorReport(checks: checks)
    }
}
