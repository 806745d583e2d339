@testable import CCCDDoctor
import Foundation
import Testing

/// The checks that need no reader or card: daemon configuration, token-file permissions, listening
/// address, `/healthz` on a closed port, clock plausibility, and the report's text and exit rule.
@Suite struct DoctorChecksTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("cccd-doctor-unit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String, mode: Int = 0o644) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    @Test func configurationParsesAndMissingOrBrokenFilesFail() throws {
        let token = try write("token", String(repeating: "a", count: 64), mode: 0o640)
        let good = try write("good.json", #"{"listen": "127.0.0.1:9", "tokenFile": "\#(token)", "audit": {"path": null}}"#)
        let outcome = DaemonCheck.run(path: good, explicit: true)
        #expect(outcome.settings == DaemonSettings(listen: "127.0.0.1:9", tokenFile: token))
        #expect(outcome.checks.map(\.id) == ["daemon-config", "token-file", "listen-address"])
        #expect(outcome.checks.allSatisfy { $0.status == .pass }, "\(outcome.checks)")

        let broken = try write("broken.json", #"{"listen": 8700"#)
        #expect(DaemonCheck.run(path: broken, explicit: true).checks.map(\.status) == [.fail])
        let wrongType = try write("type.json", #"{"listen": 8700}"#)
        let typed = DaemonCheck.run(path: wrongType, explicit: true).checks
        #expect(typed.map(\.status) == [.fail] && typed[0].summary.contains("\"listen\" must be a string"))

        let missing = folder.appendingPathComponent("none.json").path
        #expect(DaemonCheck.run(path: missing, explicit: true).checks.map(\.status) == [.fail])
        #expect(DaemonCheck.run(path: missing, explicit: false).checks.map(\.status) == [.warn])
    }

    @Test func tokenFileMustNotBeReadableByOthers() throws {
        for (mode, status) in [(0o600, DoctorCheck.Status.pass), (0o640, .pass), (0o644, .fail), (0o660, .fail)] {
            let path = try write("token-\(mode)", "t", mode: mode)
            let check = DaemonCheck.tokenFile(path)
            #expect(check.status == status, "\(String(mode, radix: 8)): \(check)")
            #expect(check.summary.contains("mode 0\(String(mode, radix: 8))"))
        }
        #expect(DaemonCheck.tokenFile(folder.appendingPathComponent("absent").path).status == .fail)
    }

    @Test func listenAddressLoopbackUnlessTLS() {
        #expect(DaemonCheck.listen(DaemonSettings(listen: "127.0.0.1:8700")).status == .pass)
        #expect(DaemonCheck.listen(DaemonSettings(listen: "[::1]:8700")).status == .pass)
        #expect(DaemonCheck.listen(DaemonSettings(listen: "0.0.0.0:8700")).status == .fail)
        #expect(DaemonCheck.listen(DaemonSettings(listen: "0.0.0.0:8700", tls: true)).status == .pass)
        #expect(DaemonCheck.listen(DaemonSettings(listen: "localhost")).status == .fail)
        #expect(DaemonCheck.listen(DaemonSettings(listen: "127.0.0.1:70000")).status == .fail)
    }

    @Test func healthzFailsWhenNothingListens() async throws {
        // Port 9 (discard) on loopback: nothing listens in a test environment.
        let check = await HealthzCheck.run(DaemonSettings(listen: "127.0.0.1:9"), timeout: .seconds(2))
        #expect(check.id == "healthz" && check.status == .fail, "\(check)")
        #expect(check.fix?.contains("systemctl start cccdd") == true)
    }

    @Test func clockBeforeTheBuildOrFarAheadFails() {
        let built = ClockCheck.releaseFloor
        #expect(ClockCheck.run(now: built.addingTimeInterval(86_400), buildDate: built).status == .pass)
        #expect(ClockCheck.run(now: built.addingTimeInterval(-30 * 86_400), buildDate: built).status == .fail)
        #expect(ClockCheck.run(now: built.addingTimeInterval(20 * 365 * 86_400), buildDate: built).status == .fail)
        #expect(ClockCheck.buildDate() >= built)
    }

    @Test func reportPassesOnlyWithoutFailures() throws {
        let warned = DoctorReport(checks: [.pass("pcscd", "ok"), .warn("card", "no card", fix: "put one")])
        #expect(warned.passed && warned.failing.isEmpty)
        #expect(warned.text.hasSuffix("All checks passed."))
        let failed = DoctorReport(checks: [.pass("pcscd", "ok"), .fail("face-models", "missing", fix: "install"),
                                           .fail("face-models", "missing too", fix: "install")])
        #expect(!failed.passed && failed.failing == ["face-models"])
        #expect(failed.text.contains("[FAIL] face-models: missing\n       fix: install"))
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(failed)) as? [String: Any]
        #expect(json?["passed"] as? Bool == false)
        #expect((json?["checks"] as? [[String: Any]])?.first?["fix"] == nil)
    }

    @Test("The face-models check opens the face native library built beside the tests and names it")
    func faceNativeLibrary() {
        let (check, loaded) = FaceModelsCheck.nativeLibraryCheck()
        #expect(loaded, "\(check.summary)")
        #expect(check.status == .pass && check.id == "face-models")
        #expect(check.summary.hasPrefix("native library /") && check.summary.contains("/libCCCDFaceNative.so ("))
        // A second look reports the library already loaded instead of timing a no-op.
        #expect(FaceModelsCheck.nativeLibraryCheck().check.summary.hasSuffix("(already loaded)"))
    }
}
