import CCCDFace
import CCCDVerification
import Foundation

/// What `Doctor.run` checks and where.
public struct DoctorOptions: Sendable {
    /// Where the daemon settings come from.
    public enum Daemon: Sendable {
        /// A configuration file; `explicit` = named by the user (a missing file then fails; the default
        /// path missing is only a warning: no daemon on this machine).
        case file(path: String, explicit: Bool)
        /// The running daemon's own settings (`GET /v1/diagnostics`): `/healthz` is not called back.
        case running(DaemonSettings)
    }

    /// The trust store folder (default: `$CCCD_TRUST_DIR` or /var/lib/cccdkit/trust); nil when the
    /// daemon's anchors come from explicit `trust` paths instead (then not checked: a warning).
    public var trustFolder: URL?
    /// The face models folder (default: `$CCCD_FACE_MODELS`, /var/lib/cccdkit/models, XDG data).
    public var modelsDirectory: URL
    public var daemon: Daemon
    /// A CAN for one protected test exchange (PACE and a READ of EF.COM); nil skips it.
    public var can: String?
    /// The reader for that exchange (name or index); nil = the first with a card.
    public var reader: String?
    /// How long `/healthz` may take.
    public var healthTimeout: Duration
    /// The clock under test (the tests give a fixed one).
    public var now: Date
    /// The earliest plausible date: when this build was made (or the executable written).
    public var buildDate: Date

    public static let defaultConfigPath = "/etc/cccdkit/cccdd.json"

    public init(trustFolder: URL? = TrustStoreLocation.folder(), modelsDirectory: URL = FaceModelFiles.defaultDirectory(),
                daemon: Daemon = .file(path: DoctorOptions.defaultConfigPath, explicit: false), can: String? = nil,
                reader: String? = nil, healthTimeout: Duration = .seconds(3), now: Date = Date(),
                buildDate: Date = ClockCheck.buildDate())
    {
        self.trustFolder = trustFolder
        self.modelsDirectory = modelsDirectory
        self.daemon = daemon
        self.can = can
        self.reader = reader
        self.healthTimeout = healthTimeout
        self.now = now
        self.buildDate = buildDate
    }
}
