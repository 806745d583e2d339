import Foundation

/// The system time, which verification depends on (certificate and CRL validity, card expiry): not
/// before this build was made and not absurdly far after it.
public enum ClockCheck {
    /// The date this check was written: no correct clock shows an earlier one.
    static let releaseFloor = Date(timeIntervalSince1970: 1_796_083_200)  // 2026-12-01T00:00:00Z
    /// How far after the build date a clock is still believed.
    static let plausibleYears = 15

    /// The later of ``releaseFloor`` and the running executable's modification time.
    public static func buildDate() -> Date {
        let executable = Bundle.main.executableURL?.path ?? CommandLine.arguments.first ?? ""
        let modified = (try? FileManager.default.attributesOfItem(atPath: executable))?[.modificationDate] as? Date
        return max(releaseFloor, modified ?? releaseFloor)
    }

    static func run(now: Date, buildDate: Date) -> DoctorCheck {
        let shown = ISO8601DateFormatter().string(from: now)
        let built = ISO8601DateFormatter().string(from: buildDate)
        // An hour of slack: the executable may come from a machine whose clock runs a little ahead.
        if now < buildDate.addingTimeInterval(-3600) {
            return .fail("clock", "the system time \(shown) is before this build (\(built)): certificates will look not yet valid",
                         fix: "Set the clock and keep it synchronised (`timedatectl set-ntp true`).")
        }
        let limit = buildDate.addingTimeInterval(TimeInterval(plausibleYears) * 365.25 * 86_400)
        if now > limit {
            return .fail("clock", "the system time \(shown) is more than \(plausibleYears) years after this build (\(built))",
                         fix: "Set the clock and keep it synchronised (`timedatectl set-ntp true`).")
        }
        return .pass("clock", "system time \(shown) (UTC)")
    }
}
