import CCCDTrust
import Foundation

/// The trust store through `TrustHealthCheck` (what `cccd trust check` reports): any problem fails
/// the line, since each one makes genuine cards read `untrusted` or trusts the wrong issuer.
enum TrustCheck {
    static func run(_ folder: TrustFolder, at time: Date) -> DoctorCheck {
        let problems = TrustHealthCheck.run(folder, at: time)
        if problems.isEmpty {
            return .pass("trust-store", "\(folder.url.path): \(folder.entries(at: time).count) items, no problems")
        }
        let codes = problems.map(\.code.rawValue)
        return .fail(
            "trust-store", "\(folder.url.path): " + problems.map(\.description).joined(separator: " "),
            fix: "Run `cccd trust check` and follow each line (codes: \(codes.joined(separator: ", "))); docs/trust-store.md explains provisioning.")
    }
}
