import ArgumentParser
import CCCDClientTokens
import Foundation

/// `cccd token add|list|revoke`: the per-client tokens of cccdd (docs/daemon-operations.md, "Client
/// tokens"). The tokens file holds SHA-256 hashes only; `add` prints the new secret once.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Manage cccdd's per-client API tokens (scopes teller, kiosk, monitor).",
        discussion: """
            The tokens file is --file, else cccdd.json's tokensFile (--config, default \(TokenFileOption.defaultConfig)), \
            else cccdd-tokens.json beside its tokenFile, else \(TokenFileOption.defaultFile). The daemon picks up \
            every change at the next request. Run as the daemon's user or root (a new file then gets the \
            folder's owner). Exit status: 0 done, 1 no such token (revoke), 2 cannot read or write the file, 64 usage.
            """,
        subcommands: [TokenAddCommand.self, TokenListCommand.self, TokenRevokeCommand.self])
}

/// Where the tokens file is.
struct TokenFileOption: ParsableArguments {
    static let defaultConfig = "/etc/cccdkit/cccdd.json"
    static let defaultFile = "/var/lib/cccdkit/cccdd-tokens.json"

    @Option(help: "The tokens file.")
    var file: String?

    @Option(help: "cccdd's configuration file, for its tokensFile (or tokenFile) setting.")
    var config: String?

    func path() throws -> String {
        if let file { return file }
        let configPath = config ?? Self.defaultConfig
        guard let data = FileManager.default.contents(atPath: configPath) else {
            if config != nil {
                printError("cccd token: cannot read \(configPath)")
                throw ExitCodes.couldNotRead
            }
            return Self.defaultFile
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            printError("cccd token: \(configPath) is not a JSON object")
            throw ExitCodes.couldNotRead
        }
        if let path = object["tokensFile"] as? String { return path }
        if let token = object["tokenFile"] as? String {
            return ((token as NSString).deletingLastPathComponent as NSString).appendingPathComponent("cccdd-tokens.json")
        }
        return Self.defaultFile
    }

    func load() throws -> (ClientTokenFile, String) {
        let path = try path()
        do {
            return (try ClientTokenFile.load(path: path), path)
        } catch {
            printError("cccd token: \(error)")
            throw ExitCodes.couldNotRead
        }
    }

    func save(_ file: ClientTokenFile, to path: String) throws {
        do {
            try file.save(path: path)
        } catch {
            printError("cccd token: \(error)")
            throw ExitCodes.couldNotRead
        }
    }
}

struct TokenAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a client token and print its secret (shown once, never stored).")

    @Argument(help: "The client's name (1-64 of A-Z a-z 0-9 . _ - @; it owns the reads made with the token).")
    var name: String

    @Option(help: "teller (reads, face, evidence, verify), kiosk (its own reads) or monitor (status, metrics, diagnostics).")
    var scope: String

    @Flag(help: "Print the line 'Authorization: Bearer SECRET' (for curl -H @FILE) instead of the bare secret.")
    var header = false

    func validate() throws {
        guard ClientScope(rawValue: scope) != nil else { throw ValidationError("--scope must be teller, kiosk or monitor") }
        guard ClientTokenFile.isValidName(name) else {
            throw ValidationError("the name must be 1-64 characters out of A-Z a-z 0-9 . _ - @ and not \"legacy\"")
        }
    }

    @OptionGroup var location: TokenFileOption

    func run() async throws {
        var (file, path) = try location.load()
        let secret: String
        do {
            secret = try file.add(name: name, scope: ClientScope(rawValue: scope) ?? .monitor)
        } catch {
            printError("cccd token add: \(error.reason)")
            throw ExitCodes.usage
        }
        try location.save(file, to: path)
        print(header ? "Authorization: Bearer \(secret)" : secret)
    }
}

struct TokenListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the client tokens: name, scope, created (never secrets or hashes).")

    @OptionGroup var location: TokenFileOption

    @Flag(help: "Print one JSON object {\"tokens\": [{\"name\", \"scope\", \"created\"}]}.")
    var json = false

    func run() async throws {
        let (file, _) = try location.load()
        if json {
            let tokens = file.entries.map { ["name": $0.name, "scope": $0.scope.rawValue, "created": $0.created] }
            let data = try JSONSerialization.data(withJSONObject: ["tokens": tokens], options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
            return
        }
        for entry in file.entries {
            print([entry.name, entry.scope.rawValue, entry.created].joined(separator: "\t"))
        }
    }
}

struct TokenRevokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke", abstract: "Revoke a client token (refused by cccdd from its next request on).")

    @Argument(help: "The client's name.")
    var name: String

    @OptionGroup var location: TokenFileOption

    func run() async throws {
        var (file, path) = try location.load()
        guard file.revoke(name: name) else {
            printError("cccd token revoke: no token named \(name)")
            throw ExitCode.failure
        }
        try location.save(file, to: path)
    }
}
