import ArgumentParser
import Hummingbird

/// `cccdd`: the counter daemon. At this stage it serves `GET /healthz` only; the API of
/// shared/interfaces.md arrives with its own issue.
@main
struct CCCDDaemon: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cccdd", abstract: "CCCDKit counter daemon (local API for teller and kiosk software).")

    @Option(help: "Address to listen on; loopback only.")
    var listen: String = "127.0.0.1:8700"

    func run() async throws {
        let (host, port) = try ListenAddress.parse(listen)
        guard ListenAddress.isLoopback(host) else {
            throw ValidationError("refusing to listen on \(host): only loopback addresses until TLS and authentication are configured")
        }
        let router = Router()
        router.get("/healthz") { _, _ in HealthResponse(status: "ok", version: CCCDDaemon.version) }
        let app = Application(router: router, configuration: .init(address: .hostname(host, port: port)))
        try await app.runService()
    }

    static let version = "0.1.0"
}

struct HealthResponse: ResponseEncodable {
    var status: String
    var version: String
}

enum ListenAddress {
    /// `HOST:PORT` or `[IPv6]:PORT`.
    static func parse(_ text: String) throws -> (String, Int) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
              (1...65535).contains(port)
        else { throw ValidationError("--listen must be HOST:PORT, got \"\(text)\"") }
        var host = String(text[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return (host, port)
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
