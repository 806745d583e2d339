/// CCCDDaemon: the counter daemon `cccdd` as a library (configuration, security checks, reader
/// manager, HTTP API, events); the `cccdd` executable is a thin main around ``DaemonCommandLine``.
public enum CCCDDaemonInfo {
    public static let version = "0.2.0"
}
