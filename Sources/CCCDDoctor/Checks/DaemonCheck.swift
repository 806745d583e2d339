import Foundation

/// The daemon's configuration file, its token file's permissions and owner, and its listening address.
enum DaemonCheck {
    struct Outcome {
        var checks: [DoctorCheck]
        /// Where `/healthz` should answer (nil when the configuration is missing or broken).
        var settings: DaemonSettings?
    }

    static func run(path: String, explicit: Bool) -> Outcome {
        guard FileManager.default.fileExists(atPath: path) else {
            let summary = "\(path) does not exist"
            let fix = "Install the daemon's configuration (systemd/ and docs/daemon.md), or give `--config FILE`."
            return Outcome(checks: [explicit ? .fail("daemon-config", summary, fix: fix)
                                             : .warn("daemon-config", summary + ": no daemon checked", fix: fix)],
                           settings: nil)
        }
        let settings: DaemonSettings
        do {
            settings = try DaemonSettingsParser.load(path: path)
        } catch {
            return Outcome(checks: [.fail("daemon-config", "\(error)", fix: "Fix the file (docs/daemon.md lists the fields); `cccdd --config \(path)` names the first error.")],
                           settings: nil)
        }
        var checks: [DoctorCheck] = [.pass("daemon-config", "\(path) parses")]
        checks.append(tokenFile(settings.tokenFile))
        checks.append(listen(settings))
        return Outcome(checks: checks, settings: settings)
    }

    /// 0600 or 0640; anything readable by others, or writable by the group, fails.
    static func tokenFile(_ path: String) -> DoctorCheck {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
            return .fail("token-file", "\(path) does not exist (cccdd creates it at its first start)",
                         fix: "Start cccdd once (`sudo systemctl start cccdd`), or check `tokenFile` in the configuration.")
        }
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0
        let owner = (attributes[.ownerAccountName] as? String) ?? "uid \((attributes[.ownerAccountID] as? NSNumber)?.intValue ?? -1)"
        let group = (attributes[.groupOwnerAccountName] as? String) ?? "?"
        let octal = String(mode & 0o777, radix: 8)
        let summary = "\(path): mode 0\(octal), owner \(owner):\(group)"
        guard mode & 0o777 == 0o600 || mode & 0o777 == 0o640 else {
            return .fail("token-file", summary + " — the token must not be readable by other users",
                         fix: "`chmod 0640 \(path)` and give the group only to the teller applications' user.")
        }
        return .pass("token-file", summary)
    }

    static func listen(_ settings: DaemonSettings) -> DoctorCheck {
        if let socket = settings.unixSocket {
            return .pass("listen-address", "Unix socket \(socket)")
        }
        do {
            let address = try DoctorListenAddress(parsing: settings.listen)
            if !address.isLoopback && !settings.tls {
                return .fail("listen-address", "\(settings.listen) is not a loopback address and no TLS is configured",
                             fix: "Listen on 127.0.0.1 (the daemon refuses plain HTTP beyond loopback); docs/daemon-operations.md.")
            }
            return .pass("listen-address", settings.listen)
        } catch {
            return .fail("listen-address", "\(error)", fix: "Set `listen` to HOST:PORT, e.g. \(DaemonSettings.defaultListen).")
        }
    }
}
