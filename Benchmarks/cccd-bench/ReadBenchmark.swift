import ArgumentParser
import CCCDKit
import CCCDTestSupport
import CCCDVirtualCard
import Foundation

/// A full card read (EF.CardAccess, access control, EF.COM, EF.SOD, DG1, DG2 ≈ 16 KB, DG13, DG14,
/// DG15): APDU exchanges, bytes each way and the predicted chip time under the reader model
/// "10 ms per exchange + 424 kbit/s for the bytes", for (a) our strategy with extended length,
/// (b) our strategy limited to short APDUs, (c) a baseline that SELECTs each file and reads
/// 223-byte blocks; then the measured wall time of (a) through pcscd + vpcd + the virtual card.
struct ReadBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read", abstract: "Full card read: exchanges, bytes, predicted chip time, wall time.")

    @Option(help: "Reads through pcscd for the wall-time measurement.")
    var iterations = 20

    @Option(help: "Size of the JPEG in DG2, bytes.")
    var photoSize = 16_000

    @Flag(help: "Skip the pcscd + vpcd measurement.")
    var noPCSC = false

    static let groups: Set<DataGroup> = [.dg1, .dg2, .dg13, .dg14, .dg15]

    struct Row {
        var name: String
        var counts: CountingTransport.Counts

        var predictedSeconds: Double {
            Double(counts.exchanges) * 0.010 + Double(counts.bytesSent + counts.bytesReceived) * 8 / 424_000
        }

        var line: String {
            String(format: "  %@ %4d exchanges  %6d B sent  %6d B received  predicted %.3f s",
                   name.padding(toLength: 34, withPad: " ", startingAt: 0), counts.exchanges, counts.bytesSent,
                   counts.bytesReceived, predictedSeconds)
        }
    }

    func run() async throws {
        let cccd = SyntheticCCCD(photoSize: photoSize)
        let access = try await chooseAccess(cccd)
        print("Full read of the synthetic CCCD (DG2 \(cccd.dg2.count) B, SOD \(cccd.sod.count) B), access \(access.label)")
        let a = try await ourStrategy(cccd, access: access.input, profile: .extended, short: false)
        let b = try await ourStrategy(cccd, access: access.input, profile: .extended, short: true)
        let c = try await baseline(cccd, access: access.input)
        let rows = [Row(name: "(a) ours, extended length", counts: a), Row(name: "(b) ours, short APDUs only", counts: b),
                    Row(name: "(c) baseline SELECT + 223-byte reads", counts: c)]
        rows.forEach { print($0.line) }
        let ratio = Double(a.exchanges) / Double(c.exchanges)
        print(String(format: "  (a)/(c) exchange ratio %.3f (target ≤ 0.2); (a) targets: ≤ 20 exchanges, ≤ 0.8 s predicted → %@",
                     ratio, a.exchanges <= 20 && rows[0].predictedSeconds <= 0.8 && ratio <= 0.2 ? "met" : "NOT met"))
        if !noPCSC { try await wallTime(cccd, access: access.input) }
    }

    /// PACE with the CAN when the virtual card does access control; otherwise plain reads.
    private func chooseAccess(_ cccd: SyntheticCCCD) async throws -> (input: AccessInput, label: String) {
        let card = VirtualCard(profile: .extended, fileSystem: cccd.fileSystem(access: .afterAccessControl))
        let connector = ClosureCardConnector { _ in CardConnection(transport: VirtualCardTransport(card: card), atr: card.atr) }
        do {
            let result = try await CardReader().read(
                connector: connector, access: .can(cccd.can), options: Self.options(short: false)).result()
            return (.can(cccd.can), "\(result.access.protocol) \(result.access.algorithm ?? "")")
        } catch {
            print("  note: the virtual card does no PACE in this build (\(error)); measuring without access control")
            return (.none, "none (files in clear)")
        }
    }

    static func options(short: Bool) -> ReadOptions {
        ReadOptions(dataGroups: groups, shortAPDUsOnly: short)
    }

    private func virtualCard(_ cccd: SyntheticCCCD, access: AccessInput, profile: CardProfile) -> VirtualCard {
        let condition: AccessCondition = access == .none ? .always : .afterAccessControl
        return VirtualCard(profile: profile, fileSystem: cccd.fileSystem(access: condition))
    }

    private func ourStrategy(_ cccd: SyntheticCCCD, access: AccessInput, profile: CardProfile, short: Bool) async throws
        -> CountingTransport.Counts
    {
        let card = virtualCard(cccd, access: access, profile: profile)
        let counter = CountingTransport(wrapping: VirtualCardTransport(card: card))
        let connector = ClosureCardConnector { _ in CardConnection(transport: counter, atr: card.atr) }
        let result = try await CardReader().read(connector: connector, access: access, options: Self.options(short: short))
            .result()
        guard result.rawFiles[.dataGroup(.dg2)] == cccd.dg2 else { throw ValidationError("DG2 read wrongly") }
        return counter.current
    }

    /// The common approach: SELECT every file, READ BINARY 223 bytes at a time (short APDUs).
    private func baseline(_ cccd: SyntheticCCCD, access: AccessInput) async throws -> CountingTransport.Counts {
        let card = virtualCard(cccd, access: access, profile: .extended)
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
    private func wallTime(_ cccd: SyntheticCCCD, access: AccessInput) async throws {
        let bed = try PCSCTestBed.shared()
        let card = virtualCard(cccd, access: access, profile: .extended)
        let connection = VPCDConnection(card: card, port: bed.basePort)
        try connection.insert()
        defer { connection.eject() }
        var samples: [Double] = []
        for _ in 0..<iterations {
            samples.append(try await measure {
                let operation = CardReader().read(reader: bed.readerNames[0], access: access, options: Self.options(short: false))
                for await step in operation.progress {
                    if case .recovering(let reason) = step { FileHandle.standardError.write(Data("  recovering: \(reason)\n".utf8)) }
                }
                let result = try await operation.result()
                guard result.rawFiles[.dataGroup(.dg2)] == cccd.dg2 else { throw ValidationError("DG2 read wrongly") }
            })
        }
        print("  (a) measured wall time through pcscd + vpcd + virtual card: \(Summary(milliseconds: samples))")
    }
}
