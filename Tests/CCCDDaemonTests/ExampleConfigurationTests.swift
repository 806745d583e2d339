import CCCDDaemon
import Foundation
import Testing

/// systemd/cccdd.json, the configuration the unit starts the daemon with, is one the daemon accepts
/// and spells out its defaults.
@Suite struct ExampleConfiguration {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("systemd/cccdd.json").path

    @Test func theDaemonAcceptsTheShippedExample() throws {
        let configuration = try ConfigurationLoader.parse(fileAt: Self.path)
        try ConfigurationValidator.validate(configuration)
        let defaults = DaemonConfiguration()
        #expect(configuration.listen == defaults.listen)
        #expect(configuration.tokenFile == defaults.tokenFile)
        #expect(configuration.readTTLSeconds == defaults.readTTLSeconds)
        #expect(configuration.maxBodyBytes == defaults.maxBodyBytes)
        #expect(configuration.audit.path == defaults.audit.path)
        #expect(configuration.audit.retentionDays == defaults.audit.retentionDays)
        #expect(configuration.audit.saltFile == "/var/lib/cccdkit/audit.salt")
    }
}
