/// The command-line options of `cccdd` that override the configuration file
/// (`cccdd [--config FILE] [--listen HOST:PORT | --unix PATH] [--token-file FILE]`).
public struct CommandLineOverrides: Sendable, Equatable {
    public var configFile: String?
    public var listen: String?
    public var unixSocket: String?
    public var tokenFile: String?

    public init(configFile: String? = nil, listen: String? = nil, unixSocket: String? = nil, tokenFile: String? = nil) {
        self.configFile = configFile
        self.listen = listen
        self.unixSocket = unixSocket
        self.tokenFile = tokenFile
    }

    /// Applies the overrides: `--listen` replaces a configured Unix socket, `--unix` a TCP address.
    public func applied(to configuration: DaemonConfiguration) -> DaemonConfiguration {
        var result = configuration
        if let listen {
            result.listen = listen
            result.unixSocket = nil
        }
        if let unixSocket { result.unixSocket = unixSocket }
        if let tokenFile { result.tokenFile = tokenFile }
        return result
    }
}
