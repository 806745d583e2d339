import ArgumentParser
import CCCDTrust
import CCCDVerification
import Foundation

/// `cccd trust list|add|remove|check|update`: the default trust store folder (CSCAs, link
/// certificates, CRLs, master lists) that `cccd read`, `cccd verify` and `cccdd` use when no
/// `--trust` is given. docs/trust-store.md explains provisioning and CSCA rollover.
struct TrustCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trust",
        abstract: "Manage the default trust store (CSCAs, link certificates, CRLs, master lists).",
        discussion: """
            The folder is \(TrustStoreLocation.defaultFolder), or $\(TrustStoreLocation.environmentVariable), \
            or --dir. Exit status: 0 done, 1 problems found (check) or items refused (add), \
            2 cannot read or write the store or nothing reachable (update), 64 usage.
            """,
        subcommands: [TrustListCommand.self, TrustAddCommand.self, TrustRemoveCommand.self, TrustCheckCommand.self,
                      TrustUpdateCommand.self])
}

/// The folder option every trust subcommand takes.
struct TrustFolderOption: ParsableArguments {
    @Option(name: .customLong("dir"), help: "The trust store folder (default: $CCCD_TRUST_DIR or /var/lib/cccdkit/trust).")
    var path: String?

    var folder: TrustFolder {
        TrustFolder(url: path.map { URL(fileURLWithPath: $0) } ?? TrustStoreLocation.folder())
    }
}

struct TrustListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the installed certificates, CRLs and master lists.")

    @OptionGroup var store: TrustFolderOption

    @Flag(help: "Print one JSON object {\"folder\", \"entries\": […]}.")
    var json = false

    func run() async throws {
        let folder = store.folder
        let entries = folder.entries()
        if json {
            FileHandle.standardOutput.write(try TrustOutput.json(TrustListing(folder: folder.url.path, entries: entries)))
        } else {
            print(TrustOutput.text(entries, folder: folder.url.path))
        }
    }
}

struct TrustAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Install CSCA or link certificates (PEM/DER), CRLs, or ICAO master lists (.ml, signature checked).")

    @OptionGroup var store: TrustFolderOption

    @Argument(help: "Files or folders to install.")
    var paths: [String]

    func run() async throws {
        let outcomes: [TrustAddOutcome]
        do {
            outcomes = try store.folder.add(paths.map { URL(fileURLWithPath: $0) })
        } catch {
            printError("cccd trust add: \(error)")
            throw ExitCodes.couldNotRead
        }
        for outcome in outcomes { print(outcome) }
        if outcomes.contains(where: { $0.status == .refused }) { throw ExitCode(1) }
    }
}

struct TrustRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove an installed item by its SHA-256 (as `cccd trust list` shows).")

    @OptionGroup var store: TrustFolderOption

    @Argument(help: "The SHA-256 fingerprint (or a unique prefix of at least 8 hex digits).")
    var sha256: String

    func run() async throws {
        do {
            for name in try store.folder.remove(sha256: sha256) { print("removed \(name)") }
        } catch let error as TrustFolderError {
            printError("cccd trust remove: \(error)")
            if case .notWritable = error { throw ExitCodes.couldNotRead }
            throw ExitCode(1)
        }
    }
}

struct TrustCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report what will make genuine cards fail: no anchor, expiry, signing-key period over, stale CRLs, lookalikes.")

    @OptionGroup var store: TrustFolderOption

    @Flag(help: "Print one JSON object {\"folder\", \"problems\": […]}.")
    var json = false

    func run() async throws {
        let folder = store.folder
        let problems = TrustHealthCheck.run(folder)
        if json {
            FileHandle.standardOutput.write(try TrustOutput.json(TrustCheckOutput(folder: folder.url.path, problems: problems)))
        } else if problems.isEmpty {
            print("trust store \(folder.url.path): OK (\(folder.entries().count) items)")
        } else {
            for problem in problems { print("- \(problem)") }
        }
        if !problems.isEmpty { throw ExitCode(1) }
    }
}

struct TrustUpdateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Fetch the CRLs (and link certificates) named in the installed CSCAs, verify them, install newer ones.")

    @OptionGroup var store: TrustFolderOption

    @Option(help: "Fetch from this mirror (scheme://host[:port][/prefix]) instead of the hosts in the certificates.")
    var mirror: String?

    @Option(help: "Seconds to wait for each address.")
    var timeout: Int = 15

    func validate() throws {
        if let mirror, URL(string: mirror)?.host == nil { throw ValidationError("--mirror must be an http(s) URL") }
        if timeout < 1 { throw ValidationError("--timeout must be at least 1") }
    }

    func run() async throws {
        let updater = TrustUpdater(folder: store.folder, mirror: mirror.flatMap(URL.init(string:)), timeout: .seconds(timeout))
        let report = await updater.update()
        if report.sources.isEmpty {
            print("no installed CSCA names a CRL distribution point or caIssuers address: nothing to fetch")
            return
        }
        for source in report.sources { print(source) }
        if report.offline {
            printError("cccd trust update: no address could be reached (offline?); nothing changed")
            throw ExitCodes.couldNotRead
        }
        print("\(report.updated) updated")
    }
}
