import ArgumentParser

@main
struct CCCD: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cccd",
        abstract: "Read and verify Vietnamese chip ID cards (CCCD) and other ICAO 9303 documents.",
        subcommands: [ReadersCommand.self, SimCommand.self, MatchCommand.self])
}

/// Exit codes shared by the subcommands (shared/interfaces.md).
enum ExitCodes {
    static let couldNotRead = ExitCode(2)
    static let usage = ExitCode(64)
}
