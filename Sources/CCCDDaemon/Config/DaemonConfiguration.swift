import CCCDFace
import CCCDKit
import Foundation

/// The daemon's settings: the JSON configuration file (docs/daemon.md) with the command-line
/// overrides applied. Every field has a default, so an empty file (or none) is a valid loopback setup.
public struct DaemonConfiguration: Sendable, Equatable, Codable {
    /// `HOST:PORT` to listen on (TCP). Ignored when ``unixSocket`` is set.
    public var listen: String
    /// A Unix domain socket path to listen on instead of TCP.
    public var unixSocket: String?
    /// The bearer token file, created at first start (mode 0640).
    public var tokenFile: String
    /// The per-client tokens (hashed secrets with scopes, managed by `cccd token`), reloaded when it
    /// changes; `nil` = `cccdd-tokens.json` beside the token file. A missing file holds no tokens.
    public var tokensFile: String?
    /// The device's P-256 signing key for signed evidence bundles (PEM, mode 0600), created at
    /// first start; `nil` = `cccdd-device-key.pem` beside the token file.
    public var deviceKeyFile: String?
    /// Web origins (`scheme://host[:port]`) allowed to call the API from a browser (CORS).
    public var allowedOrigins: [String]
    /// Extra `Host` header values accepted besides the loopback names (`host` or `host:port`).
    public var allowedHosts: [String]
    /// How long a read result (and its photo) stays in memory.
    public var readTTLSeconds: Int
    /// Largest request body accepted (face images and uploaded dumps are the large ones).
    public var maxBodyBytes: Int
    /// CSCA certificates, folders or master lists; empty = the default trust store folder.
    public var trust: [String]
    /// The default trust store folder (used when ``trust`` is empty); `nil` = `CCCD_TRUST_DIR`
    /// or /var/lib/cccdkit/trust.
    public var trustDir: String?
    /// Hours between refreshes of the trust store folder's CRLs (`cccd trust update`); nil: off.
    public var trustUpdateHours: Int?
    /// A mirror of the issuers' publication points for that refresh (`scheme://host[:port]`).
    public var trustUpdateMirror: String?
    /// The audit journal (SQLite) and how long its rows are kept.
    public var audit: Audit
    /// TLS for non-loopback listening. Not served by this version: setting it does not lift the
    /// loopback restriction (see ``ConfigurationValidator``).
    public var tls: TLS?
    /// Request deadline, connection, event-stream and face-comparison caps (``DaemonLimits``).
    public var limits: DaemonLimits = DaemonLimits()
    /// The systemd-journal copy of audit events (``DaemonLogging``).
    public var logging: DaemonLogging = DaemonLogging()
    /// Face comparison settings (`face.level`: standard or strict, reported in every face result;
    /// `face.padThreshold`; `face.precompute`).
    public var face: Face

    public struct Face: Sendable, Equatable, Codable {
        public var level: FaceDecisionLevel
        /// Presentation-attack threshold (`liveness.threshold`); nil = the calibrated default.
        public var padThreshold: Double?
        /// Compute the chip photo's face template while the read goes on (as soon as DG2 arrives), kept
        /// with the read, so that a face compare by `readId` only works on the live photo. Loads the face
        /// models at the first read; false loads them at the first comparison.
        public var precompute: Bool?

        public init(level: FaceDecisionLevel = .standard, padThreshold: Double? = nil, precompute: Bool? = nil) {
            self.level = level
            self.padThreshold = padThreshold
            self.precompute = precompute
        }

        private enum CodingKeys: String, CodingKey { case level, padThreshold, precompute }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            level = try c.decodeIfPresent(FaceDecisionLevel.self, forKey: .level) ?? .standard
            padThreshold = try c.decodeIfPresent(Double.self, forKey: .padThreshold)
            precompute = try c.decodeIfPresent(Bool.self, forKey: .precompute)
        }

        /// Whether the chip template is computed during the read (default: yes).
        public var precomputesChipTemplate: Bool { precompute ?? true }
    }
    /// Reader profiles added to (and overriding) the built-in table by reader-name pattern
    /// (docs/readers.md); in front of `CCCD_READER_PROFILES`'s entries.
    public var readerProfiles: [ReaderProfileTable.Entry]

    public struct Audit: Sendable, Equatable, Codable {
        /// SQLite file of the journal; `nil` disables the journal.
        public var path: String?
        /// Salt file for the ID hashes (created at first start); default: next to the journal.
        public var saltFile: String?
        /// Rows older than this are deleted; `nil` keeps them.
        public var retentionDays: Int?

        public init(path: String? = "/var/lib/cccdkit/audit.sqlite", saltFile: String? = nil, retentionDays: Int? = 90) {
            self.path = path
            self.saltFile = saltFile
            self.retentionDays = retentionDays
        }
    }

    public struct TLS: Sendable, Equatable, Codable {
        public var certificateFile: String
        public var privateKeyFile: String

        public init(certificateFile: String, privateKeyFile: String) {
            self.certificateFile = certificateFile
            self.privateKeyFile = privateKeyFile
        }
    }

    public static let defaultListen = "127.0.0.1:8700"
    public static let defaultTokenFile = "/var/lib/cccdkit/cccdd.token"

    /// Where the per-client tokens live: ``tokensFile``, or `cccdd-tokens.json` beside the token.
    public var tokensPath: String {
        let folder = (tokenFile as NSString).deletingLastPathComponent as NSString
        return tokensFile ?? folder.appendingPathComponent("cccdd-tokens.json")
    }

    /// Where the device signing key lives: ``deviceKeyFile``, or `cccdd-device-key.pem` beside the token.
    public var deviceKeyPath: String {
        let folder = (tokenFile as NSString).deletingLastPathComponent as NSString
        return deviceKeyFile ?? folder.appendingPathComponent("cccdd-device-key.pem")
    }
    public static let defaultReadTTLSeconds = 120
    public static let defaultMaxBodyBytes = 8 << 20

    public init(
        listen: String = DaemonConfiguration.defaultListen, unixSocket: String? = nil,
        tokenFile: String = DaemonConfiguration.defaultTokenFile, allowedOrigins: [String] = [],
        allowedHosts: [String] = [], readTTLSeconds: Int = DaemonConfiguration.defaultReadTTLSeconds,
        maxBodyBytes: Int = DaemonConfiguration.defaultMaxBodyBytes, trust: [String] = [], trustDir: String? = nil,
        trustUpdateHours: Int? = nil, trustUpdateMirror: String? = nil, audit: Audit = Audit(), tls: TLS? = nil,
        face: Face = Face(), readerProfiles: [ReaderProfileTable.Entry] = []
    ) {
        self.readerProfiles = readerProfiles
        self.listen = listen
        self.unixSocket = unixSocket
        self.tokenFile = tokenFile
        self.allowedOrigins = allowedOrigins
        self.allowedHosts = allowedHosts
        self.readTTLSeconds = readTTLSeconds
        self.maxBodyBytes = maxBodyBytes
        self.trust = trust
        self.trustDir = trustDir
        self.trustUpdateHours = trustUpdateHours
        self.trustUpdateMirror = trustUpdateMirror
        self.audit = audit
        self.tls = tls
        self.face = face
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case listen, unixSocket, tokenFile, allowedOrigins, allowedHosts, readTTLSeconds, maxBodyBytes, trust, trustDir, trustUpdateHours
        case trustUpdateMirror, audit, tls, limits, face, readerProfiles, deviceKeyFile, logging, tokensFile
    }

    /// The keys a configuration file may contain (unknown keys are rejected: a typo must not
    /// silently fall back to a default).
    static let knownKeys = Set(CodingKeys.allCases.map(\.rawValue))
    static let knownAuditKeys: Set<String> = ["path", "saltFile", "retentionDays"]
    static let knownFaceKeys: Set<String> = ["level", "padThreshold", "precompute"]

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = DaemonConfiguration()
        listen = try c.decodeIfPresent(String.self, forKey: .listen) ?? defaults.listen
        unixSocket = try c.decodeIfPresent(String.self, forKey: .unixSocket)
        tokenFile = try c.decodeIfPresent(String.self, forKey: .tokenFile) ?? defaults.tokenFile
        deviceKeyFile = try c.decodeIfPresent(String.self, forKey: .deviceKeyFile)
        tokensFile = try c.decodeIfPresent(String.self, forKey: .tokensFile)
        allowedOrigins = try c.decodeIfPresent([String].self, forKey: .allowedOrigins) ?? []
        allowedHosts = try c.decodeIfPresent([String].self, forKey: .allowedHosts) ?? []
        readTTLSeconds = try c.decodeIfPresent(Int.self, forKey: .readTTLSeconds) ?? defaults.readTTLSeconds
        maxBodyBytes = try c.decodeIfPresent(Int.self, forKey: .maxBodyBytes) ?? defaults.maxBodyBytes
        trust = try c.decodeIfPresent([String].self, forKey: .trust) ?? []
        trustDir = try c.decodeIfPresent(String.self, forKey: .trustDir)
        trustUpdateHours = try c.decodeIfPresent(Int.self, forKey: .trustUpdateHours)
        trustUpdateMirror = try c.decodeIfPresent(String.self, forKey: .trustUpdateMirror)
        readerProfiles = try c.decodeIfPresent([ReaderProfileTable.Entry].self, forKey: .readerProfiles) ?? []
        audit = try c.decodeIfPresent(Audit.self, forKey: .audit) ?? defaults.audit
        tls = try c.decodeIfPresent(TLS.self, forKey: .tls)
        limits = try c.decodeIfPresent(DaemonLimits.self, forKey: .limits) ?? DaemonLimits()
        logging = try c.decodeIfPresent(DaemonLogging.self, forKey: .logging) ?? DaemonLogging()
        face = try c.decodeIfPresent(Face.self, forKey: .face) ?? Face()
    }
}

extension DaemonConfiguration.Audit {
    private enum CodingKeys: String, CodingKey { case path, saltFile, retentionDays }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = DaemonConfiguration.Audit()
        // An explicit null disables the journal; a missing key keeps the default path.
        if c.contains(.path) {
            path = try c.decodeNil(forKey: .path) ? nil : try c.decode(String.self, forKey: .path)
        } else {
            path = defaults.path
        }
        saltFile = try c.decodeIfPresent(String.self, forKey: .saltFile)
        if c.contains(.retentionDays) {
            retentionDays = try c.decodeNil(forKey: .retentionDays) ? nil : try c.decode(Int.self, forKey: .retentionDays)
        } else {
            retentionDays = defaults.retentionDays
        }
    }
}
