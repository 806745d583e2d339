import ArgumentParser
import CCCDKit
import CCCDTestSupport
import CCCDVerification
import CCCDVirtualCard
import Foundation

/// A full card read of a data set's chip (default: TestVectors/datasets/default through
/// ``DataSetChip``, so with real PACE-CAN and secure messaging): EF.CardAccess, PACE, EF.COM,
/// EF.SOD, DG1, DG2, DG13, DG14, DG15. Prints APDU exchanges, bytes each way and the predicted chip
/// time under the reader model "10 ms per exchange + 424 kbit/s for the bytes", for (a) our strategy
/// with extended length, (b) our strategy against a short-APDU-only chip with the same data set,
/// (c) a baseline that SELECTs each file and reads 223-byte blocks (after the same PACE, under
/// secure messaging); then the measured wall time of (a) through pcscd + vpcd + the virtual card.
struct ReadBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read", abstract: "Full card read: exchanges, bytes, predicted chip time, wall time.")

    @Option(help: "Reads through pcscd for the wall-time measurement.")
    var iterations = 20

    @Option(help: "The data set to read (dump folder + card.json).")
    var dataset = "TestVectors/datasets/default"

    @Option(help: "The access key: the data set's CAN.")
    var can = "012345"

    @Flag(help: "Skip the pcscd + vpcd measurement.")
    var noPCSC = false

    @Option(help: "CSCA trust for the AA + CA rows of the per-profile table.")
    var trust = "TestVectors/datasets/pki"

    static let groups: Set<DataGroup> = [.dg1, .dg2, .dg13, .dg14, .dg15]

    struct Row {
        var name: String
        var counts: CountingTransport.Counts

        var predictedSeconds: Double {
            Double(counts.exchanges) * 0.010 + Double(counts.bytesSent + counts.bytesReceived) * 8 / 424_000
        }

        var line: String {
            String(format: "  %@ %4d exchanges  %6d B sent  %6d B received  predicted %.3f s",
                   name.padding(toLength: 40, withPad: " ", startingAt: 0), counts.exchanges, counts.bytesSent,
                   counts.bytesReceived, predictedSeconds)
        }
    }

    func run() async throws {
        let folder = URL(fileURLWithPath: dataset)
        let dg2 = try [UInt8](Data(contentsOf: folder.appendingPathComponent("DG2.bin")))
        let sod = try [UInt8](Data(contentsOf: folder.appendingPathComponent("EF.SOD.bin")))
        let access = AccessInput.can(can)
        let (a, label) = try await ourStrategy(folder, dg2: dg2, access: access, adjustments: .none)
        print("Full read of \(folder.lastPathComponent) (DG2 \(dg2.count) B, SOD \(sod.count) B), access \(label)")
        let (b, _) = try await ourStrategy(folder, dg2: dg2, access: access, adjustments: .init(shortAPDUsOnly: true))
        let c = try await baseline(folder, access: access)
        let rows = [Row(name: "(a) ours, extended length", counts: a), Row(name: "(b) ours, short-only chip", counts: b),
                    Row(name: "(c) baseline SELECT + 223 B reads, SM", counts: c)]
        rows.forEach { print($0.line) }
        let ratio = Double(a.exchanges) / Double(c.exchanges)
        print(String(format: "  (a)/(c) exchange ratio %.3f (target ≤ 0.2); (a) targets: ≤ 16 exchanges, ≤ 0.8 s predicted → %@",
                     ratio, a.exchanges <= 16 && rows[0].predictedSeconds <= 0.8 && ratio <= 0.2 ? "met" : "NOT met"))
        let budgets = try await ReadBudgetTable(folder: folder, access: access, trust: TrustStore.commandLine(paths: [trust])).run()
        print("  exchange budget (issue 14: ≤ 18 PACE-GM + AA + CA, ≤ 16 PACE-CAM + AA) → \(budgets ? "met" : "NOT met")")
        if !noPCSC { try await wallTime(folder, dg2: dg2, access: access) }
    }

    static func options(short: Bool = false) -> ReadOptions {
        ReadOptions(dataGroups: groups, shortAPDUsOnly: short, verifier: nil)
    }

    private func ourStrategy(_ folder: URL, dg2: [UInt8], access: AccessInput, adjustments: DataSetChip.Adjustments)
        async throws -> (CountingTransport.Counts, String)
    {
        let card = try DataSetChip.load(folder, adjustments: adjustments)
        let counter = CountingTransport(wrapping: VirtualCardTransport(card: card))
        let connector = ClosureCardConnector { _ in CardConnection(transport: counter, atr: card.atr) }
        let result = try await CardReader().read(connector: connector, access: access, options: Self.options()).result()
        guard result.rawFiles[.dataGroup(.dg2)] == dg2 else { throw ValidationError("DG2 read wrongly") }
        return (counter.current, "\(result.access.protocol) \(result.access.algorithm ?? "")")
    }

    /// The common approach, after the same access control: SELECT every file, READ BINARY 223
    /// bytes at a time (short APDUs), under secure messaging.
    private func baseline(_ folder: URL, access: AccessInput) async throws -> CountingTransport.Counts {
        let card = try DataSetChip.load(folder)
        let counter = CountingTransport(wrapping: VirtualCardTransport(card: card))
        let plain = APDUChannel(transport: counter, lengthForm: .short)
        // EF.CardAccess the same way, before access control.
        _ = try await readBySelect(.cardAccess, plain)
        let sender: any APDUSender
        if let key = try access.accessKey() {
            let result = try await AccessControl.establish(channel: plain, key: key)
            sender = SecureChannel(channel: plain, state: result.secureMessaging)
        } else {
            _ = try await plain.send(AccessControl.selectApplicationCommand())
            sender = plain
        }
        for file in [LDSFile.com, .sod] + Self.groups.sorted().map(LDSFile.dataGroup) {
            _ = try await readBySelect(file, sender)
        }
        return counter.current
    }

    private func readBySelect(_ file: LDSFile, _ sender: any APDUSender) async throws -> [UInt8] {
        let fid = file.fileIdentifier
        _ = try await sender.send(try CommandAPDU(cla: 0, ins: 0xA4, p1: 0x02, p2: 0x0C, data: [UInt8(fid >> 8), UInt8(fid & 0xFF)]))
        var data: [UInt8] = []
        var total = Int.max
        while data.count < total {
            let n = min(0xDF, total == Int.max ? 0xDF : total - data.count)
            let r = try await sender.send(
                try CommandAPDU(cla: 0, ins: 0xB0, p1: UInt8(data.count >> 8), p2: UInt8(data.count & 0xFF), ne: n))
            guard r.status.isNormalOrWarning, !r.data.isEmpty else { break }
            data += r.data
            if total == Int.max, let length = try? TLVHeader.fileLength(fromPrefix: data) { total = length }
        }
        return data
    }

    /// (a) through libpcsclite → pcscd → vpcd → the virtual card.
    private func wallTime(_ folder: URL, dg2: [UInt8], access: AccessInput) async throws {
        let bed = try PCSCTestBed.shared()
        let card = try DataSetChip.load(folder)
        let connection = VPCDConnection(card: card, port: bed.basePort)
        try connection.insert()
        defer { connection.eject() }
        var samples: [Double] = []
        for _ in 0..<iterations {
            samples.append(try await measure {
                let operation = CardReader().read(reader: bed.readerNames[0], access: access, options: Self.options())
                for await step in operation.progress {
                    if case .recovering(let reason) = step { FileHandle.standardError.write(Data("  recovering: \(reason)\n".utf8)) }
                }
                let result = try await operation.result()
                guard result.rawFiles[.dataGroup(.dg2)] == dg2 else { throw ValidationError("DG2 read wrongly") }
            })
        }
        print("  (a) measured wall time through pcscd + vpcd + virtual card (PACE-CAN, \(iterations) reads): \(Summary(milliseconds: samples))")
    }
}
