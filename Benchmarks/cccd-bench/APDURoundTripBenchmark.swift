import ArgumentParser
import CCCDTestSupport
import CCCDTransport
import CCCDVirtualCard
import Foundation

/// Round-trip time per APDU through libpcsclite → pcscd → vpcd → the virtual card, for a short
/// response and a 4 KB extended response, with and without TCP_NODELAY/TCP_QUICKACK on the card's
/// socket (vpcd writes length and payload separately, which Nagle + delayed ACK turn into ~40 ms).
struct APDURoundTripBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apdu", abstract: "APDU round trip through pcscd + vpcd + the virtual card.")

    @Option(help: "Exchanges per measurement.")
    var iterations = 1000

    func run() async throws {
        let bed = try PCSCTestBed.shared()
        print("APDU round trip through pcscd + vpcd + virtual card (\(iterations) exchanges each)")
        for lowLatency in [true, false] {
            let card = VirtualCard(fileSystem: TestPatternCard.fileSystem())
            let connection = VPCDConnection(card: card, port: bed.basePort, lowLatency: lowLatency)
            try connection.insert()
            let context = try PCSCContext()
            var pcsc: PCSCCard?
            for _ in 0..<200 where pcsc == nil {
                pcsc = try? context.connect(reader: bed.readerNames[0])
                if pcsc == nil { try await Task.sleep(for: .milliseconds(25)) }
            }
            guard let pcsc else { throw CardTransportError.noCard }
            let channel = APDUChannel(transport: pcsc)
            _ = try await channel.send(
                try CommandAPDU(cla: 0, ins: 0xA4, p1: 0x04, p2: 0x0C, data: CardFileSystem.eMRTDApplicationID))
            _ = try await channel.send(try CommandAPDU(cla: 0, ins: 0xA4, p1: 0x02, p2: 0x0C, data: [0x01, 0x02]))
            let short = try CommandAPDU(cla: 0, ins: 0xB0, p1: 0, p2: 0, ne: 16)
            let extended = try CommandAPDU(cla: 0, ins: 0xB0, p1: 0, p2: 0, ne: 4096)
            let label = lowLatency ? "TCP_NODELAY+QUICKACK" : "default socket     "
            let count = lowLatency ? iterations : min(iterations, 50)
            for (name, command) in [("short (16 B) ", short), ("extended 4 KB", extended)] {
                let bytes = try command.encoded()
                var samples: [Double] = []
                for _ in 0..<count {
                    samples.append(try await measure { _ = try await pcsc.transmit(bytes) })
                }
                print("  \(label) \(name): \(Summary(milliseconds: samples))")
            }
            pcsc.disconnect()
            connection.eject()
            try await Task.sleep(for: .milliseconds(600))
        }
    }
}
