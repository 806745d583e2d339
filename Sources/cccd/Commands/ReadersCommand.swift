import ArgumentParser
import CCCDKit
import CCCDPrimitives
import CCCDTransport
import Foundation

struct ReadersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "readers", abstract: "List the smart-card readers and whether a card is present.")

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    struct Output: Encodable {
        struct Reader: Encodable {
            var index: Int
            var name: String
            var cardPresent: Bool
            var atr: String?
            var inUse: Bool
            /// The reader profile a read starts with (docs/readers.md): table or default here
            /// (`learned` exists only in the daemon's memory).
            var profile: ReaderProfileReport
        }
        var readers: [Reader]
    }

    func run() async throws {
        let states: [ReaderState]
        do {
            states = try PCSCContext().readerStates()
        } catch {
            printError("cccd: \(error)")
            throw ExitCodes.couldNotRead
        }
        let table: ReaderProfileTable
        do {
            table = ReaderProfileTable(entries: try ReaderProfileTable.configuredEntries() + ReaderProfileTable.builtIn)
        } catch {
            printError("cccd: CCCD_READER_PROFILES: \(error)")
            throw ExitCodes.usage
        }
        let output = Output(readers: states.enumerated().map { i, s in
            .init(index: i, name: s.name, cardPresent: s.cardPresent, atr: s.atr.map { Hex.encode($0) }, inUse: s.inUse,
                  profile: table.resolve(readerName: s.name))
        })
        if json {
            print(String(decoding: try JSONCoding.encoder(pretty: true).encode(output), as: UTF8.self))
            return
        }
        if output.readers.isEmpty { print("No readers attached.") }
        for r in output.readers {
            let card = r.cardPresent ? "card present, ATR \(r.atr ?? "?")" : "no card"
            print("\(r.index): \(r.name) — \(card)\(r.inUse ? " (in use)" : "") — profile: \(r.profile.summary)")
        }
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
