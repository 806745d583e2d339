/// CCCDDaemonAPI: the request bodies of `cccdd`'s HTTP API and its error shape, decoded by pure
/// functions (no I/O, no HTTP server), so the fuzzer and the tests call them without a daemon.
/// CCCDDaemon wires them to Hummingbird.
public enum CCCDDaemonAPIInfo {}
