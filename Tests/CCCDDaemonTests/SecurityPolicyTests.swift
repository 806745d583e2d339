import CCCDDaemon
import CCCDPrimitives
import Foundation
import Testing

@Suite struct SecurityPolicyTests {
    @Test func hostMustNameTheDaemon() {
        let policy = HostPolicy(port: 8700, allowedHosts: ["teller-pc.bank.local:8700", "kiosk"])
        for good in ["127.0.0.1:8700", "localhost:8700", "LOCALHOST:8700", "[::1]:8700", "teller-pc.bank.local:8700", "kiosk:8700", "kiosk"] {
            #expect(policy.allows(host: good), "\(good)")
        }
        for bad in [nil, "", "evil.example:8700", "evil.example", "127.0.0.1:8701", "localhost", "127.0.0.1.evil.example:8700",
                    "teller-pc.bank.local:9999", "[::1]:80", "localhost:8700:1", "0x7f.1:8700"] {
            #expect(!policy.allows(host: bad), "\(bad ?? "nil")")
        }
        // On a Unix socket there is no port; names must still be loopback ones.
        let unix = HostPolicy(port: nil, allowedHosts: [])
        #expect(unix.allows(host: "localhost"))
        #expect(!unix.allows(host: "evil.example"))
    }

    @Test func originIsCheckedAndCORSOnlyForConfiguredOrigins() {
        let policy = OriginPolicy(allowedOrigins: ["https://teller.bank.example", "http://localhost:3000/"], port: 8700)
        #expect(policy.decide(origin: nil) == .noOrigin)
        #expect(policy.decide(origin: "https://teller.bank.example") == .allowedCrossOrigin("https://teller.bank.example"))
        #expect(policy.decide(origin: "http://localhost:3000") == .allowedCrossOrigin("http://localhost:3000"))
        #expect(policy.decide(origin: "http://127.0.0.1:8700") == .sameOrigin)
        #expect(policy.decide(origin: "http://localhost:8700") == .sameOrigin)
        for bad in ["https://evil.example", "null", "http://127.0.0.1:8701", "https://teller.bank.example.evil.example",
                    "http://teller.bank.example", "file://", "https://127.0.0.1:8700"] {
            #expect(policy.decide(origin: bad) == .forbidden, "\(bad)")
        }
    }

    @Test func tokenFileIsCreatedPrivateAndReadBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cccdd-token-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("sub/cccdd.token").path
        let (token, created) = try AccessToken.loadOrCreate(path: path)
        #expect(created)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o640)
        let text = try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(text.count == 64 && text.allSatisfy(\.isHexDigit))
        #expect(token.matches(text))
        #expect(!token.matches(String(text.dropLast()) + (text.last == "0" ? "1" : "0")))
        #expect(!token.matches(""))
        let (again, createdAgain) = try AccessToken.loadOrCreate(path: path)
        #expect(!createdAgain && again.matches(text))
        // A second token file gets a different token.
        let (other, _) = try AccessToken.loadOrCreate(path: folder.appendingPathComponent("other.token").path)
        #expect(!other.matches(text))
        // World-readable token files are refused.
        chmod(path, 0o644)
        #expect(throws: ConfigurationError.self) { try AccessToken.loadOrCreate(path: path) }
        // Group-writable is refused too; 0600 and 0640 are accepted.
        chmod(path, 0o660)
        #expect(throws: ConfigurationError.self) { try AccessToken.loadOrCreate(path: path) }
        chmod(path, 0o600)
        #expect(try AccessToken.loadOrCreate(path: path).token.matches(text))
    }

    @Test func groupReadableTokenFileMustHaveTheDaemonsGroup() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cccdd-token-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("cccdd.token").path
        _ = try AccessToken.loadOrCreate(path: path)
        let text = try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        // A group the process is not in: the highest gid below nogroup that is not one of ours.
        let ours = PrivateFileCheck.processGroups()
        guard let foreign = (60000...65533).reversed().map({ gid_t($0) }).first(where: { !ours.contains($0) }),
            chown(path, geteuid(), foreign) == 0
        else {
            // Only root (CI, the test machines) may give a file away to another group.
            return
        }
        chmod(path, 0o640)
        #expect(throws: ConfigurationError.self) { try AccessToken.loadOrCreate(path: path) }
        // 0600 with that group is fine: the group cannot read it.
        chmod(path, 0o600)
        #expect(try AccessToken.loadOrCreate(path: path).token.matches(text))
        // Back to the daemon's group, 0640 is accepted again.
        #expect(chown(path, geteuid(), getegid()) == 0)
        chmod(path, 0o640)
        #expect(try AccessToken.loadOrCreate(path: path).token.matches(text))
    }
}
