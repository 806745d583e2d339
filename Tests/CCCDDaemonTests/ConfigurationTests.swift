import CCCDDaemon
import Foundation
import Testing

@Suite struct ConfigurationTests {
    @Test func defaultsAreLoopbackWithTheDocumentedValues() throws {
        let configuration = try ConfigurationLoader.parse(Data("{}".utf8))
        #expect(configuration.listen == "127.0.0.1:8700")
        #expect(configuration.unixSocket == nil)
        #expect(configuration.tokenFile == "/var/lib/cccdkit/cccdd.token")
        #expect(configuration.readTTLSeconds == 120)
        #expect(configuration.allowedOrigins.isEmpty)
        #expect(configuration.audit.retentionDays == 90)
        try ConfigurationValidator.validate(configuration)
    }

    @Test func fileValuesAreRead() throws {
        let json = """
            {"listen": "[::1]:9000", "tokenFile": "/tmp/t", "allowedOrigins": ["https://teller.bank.example"],
             "readTTLSeconds": 5, "maxBodyBytes": 65536, "audit": {"path": null, "retentionDays": 30}}
            """
        let configuration = try ConfigurationLoader.parse(Data(json.utf8))
        #expect(configuration.listen == "[::1]:9000")
        #expect(configuration.readTTLSeconds == 5)
        #expect(configuration.maxBodyBytes == 65536)
        #expect(configuration.audit.path == nil)
        #expect(configuration.audit.retentionDays == 30)
        try ConfigurationValidator.validate(configuration)
    }

    @Test("face.level: standard by default, strict when configured, unknown keys refused")
    func faceLevel() throws {
        #expect(try ConfigurationLoader.parse(Data("{}".utf8)).face.level == .standard)
        #expect(try ConfigurationLoader.parse(Data(#"{"face": {"level": "strict"}}"#.utf8)).face.level == .strict)
        #expect(throws: ConfigurationError.unknownKey("face.threshold")) {
            try ConfigurationLoader.parse(Data(#"{"face": {"threshold": 0.4}}"#.utf8))
        }
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader.parse(Data(#"{"face": {"level": "lax"}}"#.utf8)) }
    }

    @Test("face.padThreshold (validated range) and face.precompute (default on)")
    func facePADThresholdAndPrecompute() throws {
        let defaults = try ConfigurationLoader.parse(Data("{}".utf8))
        #expect(defaults.face.padThreshold == nil && defaults.face.precomputesChipTemplate)
        let configured = try ConfigurationLoader.parse(Data(#"{"face": {"padThreshold": 0.7, "precompute": false}}"#.utf8))
        #expect(configured.face.padThreshold == 0.7 && !configured.face.precomputesChipTemplate)
        #expect(configured.face.level == .standard)
        try ConfigurationValidator.validate(configured)
        for bad in [0.0, 0.01, 0.99, 1.5] {
            let parsed = try ConfigurationLoader.parse(Data(#"{"face": {"padThreshold": \#(bad)}}"#.utf8))
            #expect(throws: ConfigurationError.self) { try ConfigurationValidator.validate(parsed) }
        }
        #expect(throws: ConfigurationError.self) {
            try ConfigurationLoader.parse(Data(#"{"face": {"padThreshold": "high"}}"#.utf8))
        }
    }

    @Test func unknownKeysAndWrongTypesAreClearErrors() {
        #expect(throws: ConfigurationError.unknownKey("readTTL")) { try ConfigurationLoader.parse(Data(#"{"readTTL": 5}"#.utf8)) }
        #expect(throws: ConfigurationError.unknownKey("audit.days")) {
            try ConfigurationLoader.parse(Data(#"{"audit": {"days": 5}}"#.utf8))
        }
        #expect(throws: ConfigurationError.malformedFile(path: "<config>", reason: "readTTLSeconds must be an integer")) {
            try ConfigurationLoader.parse(Data(#"{"readTTLSeconds": "5"}"#.utf8))
        }
        #expect(throws: ConfigurationError.malformedFile(path: "<config>", reason: "not JSON")) {
            try ConfigurationLoader.parse(Data("listen=1".utf8))
        }
    }

    @Test func nonLoopbackListenIsRefused() throws {
        for host in ["0.0.0.0:8700", "192.168.1.5:8700", "[::]:8700", "example.com:8700", "127.0.0.1.evil.example:80"] {
            var configuration = DaemonConfiguration()
            configuration.listen = host
            #expect(throws: ConfigurationError.self) { try ConfigurationValidator.validate(configuration) }
        }
        // Even with TLS configured: this version serves no TLS, so it fails closed.
        var configuration = DaemonConfiguration(listen: "0.0.0.0:8700")
        configuration.tls = .init(certificateFile: "/tmp/c.pem", privateKeyFile: "/tmp/k.pem")
        #expect(throws: ConfigurationError.nonLoopbackListen(host: "0.0.0.0")) { try ConfigurationValidator.validate(configuration) }
        for host in ["127.0.0.1:1", "localhost:8700", "[::1]:8700", "127.9.9.9:8700"] {
            try ConfigurationValidator.validate(DaemonConfiguration(listen: host))
        }
    }

    @Test func badValuesAreRefused() {
        #expect(throws: ConfigurationError.invalidListenAddress("127.0.0.1")) {
            try ConfigurationValidator.validate(DaemonConfiguration(listen: "127.0.0.1"))
        }
        #expect(throws: ConfigurationError.self) { try ConfigurationValidator.validate(DaemonConfiguration(readTTLSeconds: 0)) }
        #expect(throws: ConfigurationError.self) { try ConfigurationValidator.validate(DaemonConfiguration(maxBodyBytes: 10)) }
        #expect(throws: ConfigurationError.self) {
            try ConfigurationValidator.validate(DaemonConfiguration(allowedOrigins: ["https://bank.example/path"]))
        }
        #expect(throws: ConfigurationError.self) {
            try ConfigurationValidator.validate(DaemonConfiguration(trust: ["/nonexistent/csca.pem"]))
        }
    }

    @Test func commandLineOverridesWin() throws {
        let base = DaemonConfiguration(unixSocket: "/run/cccdd.sock")
        let tcp = CommandLineOverrides(listen: "127.0.0.1:9999", tokenFile: "/tmp/x").applied(to: base)
        #expect(tcp.listen == "127.0.0.1:9999" && tcp.unixSocket == nil && tcp.tokenFile == "/tmp/x")
        let unix = CommandLineOverrides(unixSocket: "/tmp/s.sock").applied(to: DaemonConfiguration())
        #expect(unix.unixSocket == "/tmp/s.sock")
    }

    @Test func configFileIsLoadedFromThePathGiven() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cccdd-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("cccdd.json")
        try Data(#"{"listen": "127.0.0.1:8123", "readTTLSeconds": 7}"#.utf8).write(to: file)
        let configuration = try ConfigurationLoader.load(CommandLineOverrides(configFile: file.path, tokenFile: "/tmp/t"))
        #expect(configuration.listen == "127.0.0.1:8123" && configuration.readTTLSeconds == 7 && configuration.tokenFile == "/tmp/t")
        #expect(throws: ConfigurationError.self) {
            try ConfigurationLoader.load(CommandLineOverrides(configFile: folder.appendingPathComponent("missing.json").path))
        }
    }
}
