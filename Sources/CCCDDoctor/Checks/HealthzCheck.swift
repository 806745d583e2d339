import AsyncHTTPClient
import Foundation
import NIOCore

/// `GET /healthz` on the configured address (loopback or Unix socket), with a short timeout.
enum HealthzCheck {
    static func run(_ settings: DaemonSettings, timeout: Duration) async -> DoctorCheck {
        let url: URL?
        let shown: String
        if let socket = settings.unixSocket {
            url = URL(httpURLWithSocketPath: socket, uri: "/healthz")
            shown = "unix:\(socket) /healthz"
        } else {
            guard let address = try? DoctorListenAddress(parsing: settings.listen) else {
                return .fail("healthz", "not called: the listen address is invalid", fix: "Fix `listen` first.")
            }
            shown = "http://\(address.callableHost):\(address.port)/healthz"
            url = URL(string: shown)
        }
        guard let url else { return .fail("healthz", "cannot form the address \(shown)", fix: "Fix `listen` or `unixSocket`.") }
        let fix = "Start the daemon (`sudo systemctl start cccdd`; `journalctl -u cccdd` says why it stopped)."
        let milliseconds = timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000
        do {
            let request = HTTPClientRequest(url: url.absoluteString)
            let response = try await HTTPClient.shared.execute(request, timeout: .milliseconds(milliseconds))
            _ = try? await response.body.collect(upTo: 4096)
            guard response.status == .ok else {
                return .fail("healthz", "\(shown) answered \(response.status.code)", fix: fix)
            }
            return .pass("healthz", "\(shown) answers 200")
        } catch {
            return .fail("healthz", "\(shown) does not answer (\(error))", fix: fix)
        }
    }
}
