import Foundation
import Testing

@testable import CCCDDaemon

/// The device signing key file: made 0600 at first start, the same key on the next start, refused
/// when others may read it (as the audit salt is).
@Suite struct DeviceKeyFileTests {
    @Test func createdPrivateThenReloadedThenRefusedWhenReadable() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cccdd-key-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("sub/cccdd-device-key.pem").path
        let (key, created) = try DeviceKeyFile.loadOrCreate(path: path)
        #expect(created)
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
        let (again, createdAgain) = try DeviceKeyFile.loadOrCreate(path: path)
        #expect(!createdAgain)
        #expect(try again.publicKey() == key.publicKey())

        chmod(path, 0o640)
        #expect(throws: ConfigurationError.self) { try DeviceKeyFile.loadOrCreate(path: path) }
        chmod(path, 0o600)
        try Data("garbage".utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o600)
        #expect(throws: ConfigurationError.self) { try DeviceKeyFile.loadOrCreate(path: path) }
    }

    @Test func defaultPathIsBesideTheTokenAndConfigurable() throws {
        var configuration = DaemonConfiguration(tokenFile: "/var/lib/x/cccdd.token")
        #expect(configuration.deviceKeyPath == "/var/lib/x/cccdd-device-key.pem")
        configuration = try JSONDecoder().decode(DaemonConfiguration.self, from: Data(#"{"deviceKeyFile":"/etc/k.pem"}"#.utf8))
        #expect(configuration.deviceKeyPath == "/etc/k.pem")
    }
}
