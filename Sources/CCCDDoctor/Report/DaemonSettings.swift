/// The few fields of the daemon's configuration that the doctor checks. Parsed here from the JSON
/// file (``DaemonSettingsParser``) so that CCCDDoctor never imports CCCDDaemon, which uses it; the
/// defaults are the daemon's (docs/daemon.md).
public struct DaemonSettings: Sendable, Hashable {
    public static let defaultListen = "127.0.0.1:8700"
    public static let defaultTokenFile = "/var/lib/cccdkit/cccdd.token"

    public var listen: String
    public var unixSocket: String?
    public var tokenFile: String
    public var tls: Bool

    public init(listen: String = DaemonSettings.defaultListen, unixSocket: String? = nil,
                tokenFile: String = DaemonSettings.defaultTokenFile, tls: Bool = false)
    {
        self.listen = listen
        self.unixSocket = unixSocket
        self.tokenFile = tokenFile
        self.tls = tls
    }
}
