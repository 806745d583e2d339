import ArgumentParser
import CCCDPrimitives

import CCCDVirtualCard
import Foundation

struct SimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sim",
        abstract: "Run the virtual card and attach it to pcscd through the vpcd virtual reader.",
        discussion: """
            vpcd (Debian package vsmartcard-vpcd) listens on port 35963 for its first reader \
            ("Virtual PCD 00 00") and 35964 for its second. The card stays inserted until this \
            command is stopped (SIGINT/SIGTERM) and reconnects if pcscd restarts.
            """)

    @Option(help: "A data set (dump folder + card.json, e.g. TestVectors/datasets/default) or a plain dump folder to serve; default: a built-in test-pattern card without access control.")
    var dataset: String?

    @Option(help: "vpcd port (35963 = first virtual reader, 35964 = second).")
    var port: UInt16 = 35963

    @Option(help: "vpcd host (loopback only by default).")
    var host: String = "127.0.0.1"

    @Option(help: "Card profile: extended (64 KB APDUs) or short (short APDUs only) for the built-in test-pattern card (a data set's card.json sets its own); lax (an older chip: no DO'99', errors in clear ending secure messaging, no SFI, short APDUs only) for either; acr122u (the chip behind an ACR122U-like reader: no extended APDUs, 67 00 from the reader, 271-byte messages) or cmd255 (behind a reader taking commands of at most 255 bytes, no extended APDUs) for either.")
    var profile: String = "extended"

    @Flag(help: "Serve the data set without PACE (no EF.CardAccess): readers must use BAC.")
    var withoutPace = false

    @Flag(help: "Offer PACE with Chip Authentication Mapping (ECDH, AES-128) instead of the data set's PACE: the chip proves its DG14 key during PACE.")
    var paceCam = false

    @Option(help: "Seconds to wait for vpcd before giving up.")
    var wait: Int = 20

    @Option(help: "A JSON file with faults to inject (a list, or {\"faults\": [...]}; see TestVectors/datasets/README.md); replaces the faults of card.json.")
    var faults: String?

    @Flag(help: "Serve the data set as a cloned card: genuine files, but fresh Active/Chip Authentication keys that do not match DG15/DG14.")
    var clone = false

    func run() async throws {
        guard let cardProfile = CardProfile.named(profile) else {
            throw ValidationError("unknown profile \"\(profile)\" (use extended, short, lax, acr122u or cmd255)")
        }
        let card: VirtualCard
        if clone && dataset == nil { throw ValidationError("--clone needs --dataset") }
        if paceCam && dataset == nil { throw ValidationError("--pace-cam needs --dataset") }
        if let dataset {
            // A data set with card.json is a chip with BAC/PACE and secure messaging; a plain dump
            // folder is served openly.
            card = try DataSetChip.load(
                URL(fileURLWithPath: dataset), clone: clone,
                adjustments: .init(withoutPACE: withoutPace, lax: profile == "lax", paceCAM: paceCam,
                                   reader: CardProfile.readerEmulations.contains(profile) ? profile : nil))
        } else {
            card = VirtualCard(profile: cardProfile, fileSystem: TestPatternCard.fileSystem())
        }
        if let faults {
            do {
                card.installFaults(try DataSetChip.loadFaults(URL(fileURLWithPath: faults)))
            } catch {
                throw ValidationError("--faults \(faults): \(error)")
            }
        }
        if !card.faults.isEmpty { printError("cccd sim: injecting \(card.faults.count) fault(s): \(card.faults.map(\.description).joined(separator: "; "))") }
        let connection = VPCDConnection(card: card, host: host, port: port)
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let stop = StopFlag()
        for sig in [SIGINT, SIGTERM] {
            let source = DispatchSource.makeSignalSource(signal: sig)
            source.setEventHandler {
                stop.set()
                connection.eject()
            }
            source.resume()
            stop.retain(source)
        }
        while !stop.isSet {
            do {
                try connection.insert(timeout: .seconds(wait))
            } catch {
                printError("cccd sim: \(error)")
                throw ExitCodes.couldNotRead
            }
            printError("cccd sim: virtual card inserted at \(host):\(port)")
            while connection.isConnected && !stop.isSet {
                try await Task.sleep(for: .milliseconds(50))
            }
            if let after = connection.takeFaultRemoval(), !stop.isSet {
                printError("cccd sim: card removed by an injected fault; re-inserting in \(after)")
                try await Task.sleep(for: after)
            } else if !stop.isSet {
                printError("cccd sim: vpcd closed the connection; reconnecting")
            }
        }
        printError("cccd sim: card removed, exiting")
    }
}

/// Set from a signal handler, read by the main loop.
final class StopFlag: @unchecked Sendable {
    private let state = LockedBox((flag: false, sources: [any DispatchSourceSignal]()))

    var isSet: Bool { state.withLock { $0.flag } }
    func set() { state.withLock { $0.flag = true } }
    func retain(_ source: any DispatchSourceSignal) { state.withLock { $0.sources.append(source) } }
}
