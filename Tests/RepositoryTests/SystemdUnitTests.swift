import Foundation
import Testing

/// Lints systemd/: the cccdd unit (its required settings, and systemd's own verifier and security
/// rating when systemd-analyze is installed — scripts/setup.sh installs it), the sysusers file
/// (applied to a scratch root by systemd-sysusers) and the example configuration.
@Suite struct SystemdUnit {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let unitPath = repo.appendingPathComponent("systemd/cccdd.service")

    /// section → key → values, in file order (a key may repeat).
    static func parseUnit(_ text: String) -> [String: [String: [String]]]? {
        var sections: [String: [String: [String]]] = [:]
        var current: String?
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]") else { return nil }
                current = String(line.dropFirst().dropLast())
                continue
            }
            guard let current, let eq = line.firstIndex(of: "=") else { return nil }
            let key = line[..<eq].trimmingCharacters(in: .whitespaces)
            guard key.range(of: #"^[A-Za-z][A-Za-z0-9]*$"#, options: .regularExpression) != nil else { return nil }
            sections[current, default: [:]][key, default: []].append(
                line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces))
        }
        return sections
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static let systemdAnalyze = ["/usr/bin/systemd-analyze", "/bin/systemd-analyze"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
    static let systemdSysusers = ["/usr/bin/systemd-sysusers", "/bin/systemd-sysusers"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test func unitHasTheRequiredSettings() throws {
        let unit = try #require(Self.parseUnit(try String(contentsOf: Self.unitPath, encoding: .utf8)))
        let service = try #require(unit["Service"])
        func value(_ key: String) -> String? { service[key]?.last }
        #expect(value("User") == "cccdd")
        #expect(value("Group") == "cccdkit")
        #expect(value("ExecStart") == "/usr/local/bin/cccdd --config /etc/cccdkit/cccdd.json")
        for key in ["NoNewPrivileges", "PrivateTmp", "ProtectHome", "ProtectKernelTunables", "ProtectKernelModules",
                    "ProtectControlGroups", "RestrictNamespaces", "RestrictSUIDSGID", "LockPersonality",
                    "MemoryDenyWriteExecute", "PrivateDevices"] {
            #expect(value(key) == "yes", "\(key)")
        }
        #expect(value("ProtectSystem") == "strict")
        #expect(value("ReadWritePaths") == "/var/lib/cccdkit")
        #expect(value("StateDirectory") == "cccdkit")
        #expect(value("UMask") == "0027")
        #expect(value("CapabilityBoundingSet") == "")
        #expect(Set((value("RestrictAddressFamilies") ?? "").split(separator: " ")) == ["AF_UNIX", "AF_INET", "AF_INET6"])
        #expect(value("IPAddressDeny") == "any")
        #expect(value("IPAddressAllow") == "localhost")
        #expect(value("KillSignal") == "SIGTERM")
        let unitSection = try #require(unit["Unit"])
        #expect(unitSection["Wants"]?.contains { $0.split(separator: " ").contains("pcscd.socket") } == true)
        #expect(unitSection["After"]?.contains { $0.split(separator: " ").contains("pcscd.socket") } == true)
        #expect(unit["Install"]?["WantedBy"] == ["multi-user.target"])
    }

    @Test func parserRejectsBrokenUnits() {
        #expect(Self.parseUnit("[Service]\nUser=cccdd\n") != nil)
        #expect(Self.parseUnit("User=cccdd\n") == nil)  // outside a section
        #expect(Self.parseUnit("[Service\nUser=cccdd\n") == nil)
        #expect(Self.parseUnit("[Service]\nUser cccdd\n") == nil)
        #expect(Self.parseUnit("[Service]\nUs-er=cccdd\n") == nil)
    }

    /// `systemd-analyze verify` on a copy whose ExecStart names an existing binary (the verifier
    /// checks the path), everything else unchanged: no warnings at all.
    @Test(.enabled(if: systemdAnalyze != nil))
    func systemdVerifiesTheUnitWithoutWarnings() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cccdd-unit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try String(contentsOf: Self.unitPath, encoding: .utf8)
        let testable = text.replacingOccurrences(of: "ExecStart=/usr/local/bin/cccdd ", with: "ExecStart=/bin/true ")
        #expect(testable != text)
        let good = dir.appendingPathComponent("cccdd.service")
        try testable.write(to: good, atomically: true, encoding: .utf8)
        // The service requires its socket unit (socket activation): verified together.
        let socket = dir.appendingPathComponent("cccdd.socket")
        try FileManager.default.copyItem(at: Self.repo.appendingPathComponent("systemd/cccdd.socket"), to: socket)
        let result = try Self.run(Self.systemdAnalyze!, ["verify", "--man=no", good.path, socket.path])
        #expect(result.status == 0)
        #expect(result.output.trimmingCharacters(in: .whitespacesAndNewlines) == "", "\(result.output)")

        // The check sees mistakes: a misspelt value and an unknown key are reported.
        let bad = dir.appendingPathComponent("bad.service")
        try testable.replacingOccurrences(of: "ProtectSystem=strict", with: "ProtectSystem=strickt\nProtectSytem=yes")
            .write(to: bad, atomically: true, encoding: .utf8)
        let badResult = try Self.run(Self.systemdAnalyze!, ["verify", "--man=no", bad.path])
        #expect(badResult.output.contains("strickt"))
        #expect(badResult.output.contains("ProtectSytem"))
    }

    /// systemd's own exposure rating of the unit (0 = locked down, 10 = unprotected).
    @Test(.enabled(if: systemdAnalyze != nil))
    func systemdRatesTheUnitExposureLow() throws {
        let result = try Self.run(Self.systemdAnalyze!, ["security", "--offline=yes", "--no-pager", Self.unitPath.path])
        let pattern = try NSRegularExpression(pattern: #"Overall exposure level for cccdd\.service: ([0-9.]+)"#)
        let match = try #require(pattern.firstMatch(in: result.output, range: NSRange(result.output.startIndex..., in: result.output)))
        let level = try #require(Double(result.output[Range(match.range(at: 1), in: result.output)!]))
        #expect(level <= 1.5, "exposure \(level)")  // issue #17: stays ≤ 1.5
    }

    /// systemd-sysusers applied to a scratch root creates the group and a system user in it.
    @Test(.enabled(if: systemdSysusers != nil))
    func sysusersCreatesTheGroupAndUser() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cccdd-sysusers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("etc"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try Self.run(Self.systemdSysusers!, [
            "--root=\(root.path)", Self.repo.appendingPathComponent("systemd/cccdkit.sysusers.conf").path,
        ])
        #expect(result.status == 0, "\(result.output)")
        let group = try String(contentsOf: root.appendingPathComponent("etc/group"), encoding: .utf8)
        let passwd = try String(contentsOf: root.appendingPathComponent("etc/passwd"), encoding: .utf8)
        let groupLine = try #require(group.split(separator: "\n").first { $0.hasPrefix("cccdkit:") })
        let gid = groupLine.split(separator: ":", omittingEmptySubsequences: false)[2]
        let user = try #require(passwd.split(separator: "\n").first { $0.hasPrefix("cccdd:") })
            .split(separator: ":", omittingEmptySubsequences: false)
        #expect(user[3] == gid)
        #expect(Int(user[2]).map { $0 < 1000 } == true)  // a system user
        #expect(user[5] == "/var/lib/cccdkit")
        #expect(user[6] == "/usr/sbin/nologin")
        // The readers' group is a separate group, and the daemon's user is not in it.
        let readers = try #require(group.split(separator: "\n").first { $0.hasPrefix("cccd-readers:") })
            .split(separator: ":", omittingEmptySubsequences: false)
        #expect(readers[2] != gid)
        #expect(!readers[3].split(separator: ",").contains("cccdd"))
    }

    /// The example configuration is JSON with the daemon's defaults for paths and listen address.
    @Test func exampleConfigurationMatchesTheUnit() throws {
        let data = try Data(contentsOf: Self.repo.appendingPathComponent("systemd/cccdd.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["listen"] as? String == "127.0.0.1:8700")
        let token = try #require(object["tokenFile"] as? String)
        let audit = try #require(object["audit"] as? [String: Any])
        // Everything the daemon writes is under the unit's only writable path.
        for path in [token, audit["path"] as? String, audit["saltFile"] as? String].compactMap({ $0 }) {
            #expect(path.hasPrefix("/var/lib/cccdkit/"), "\(path)")
        }
    }
}
