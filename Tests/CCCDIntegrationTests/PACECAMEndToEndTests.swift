import CCCDKit
import CCCDTestSupport
import CCCDTransport
import CCCDVirtualCard
import Foundation
import Testing

/// Issue 14, item 3: a chip that does PACE with Chip Authentication Mapping, read end to end through
/// pcscd + vpcd. The chip check is PACE-CAM's (CA_IC against DG14's chip key) and no Chip
/// Authentication follows; a clone (a chip without DG14's private key) fails it.
extension PCSCEndToEnd {
    /// Reads the default data set's chip (`adjustments`, `clone`) through PC/SC, logging the
    /// header of every command sent.
    func readLogged(adjustments: DataSetChip.Adjustments, clone: Bool = false) async throws
        -> (result: CardReadResult, commands: [CommandHeader])
    {
        let card = try DataSetChip.load(FaultMatrixSupport.dataSet, clone: clone, adjustments: adjustments)
        let connection = VPCDConnection(card: card, port: bed.basePort)
        try connection.insertSettled()
        defer { connection.eject() }
        let log = CommandHeaderLog()
        let pcsc = PCSCCardConnector(reader: bed.readerNames[0], timeout: .seconds(15))
        let connector = ClosureCardConnector { attempt in
            var connection = try await pcsc.connect(attempt: attempt)
            connection.transport = CommandHeaderLoggingTransport(inner: connection.transport, log: log)
            return connection
        }
        let result = try await CardReader().read(
            connector: ClosingConnector(inner: connector, closing: pcsc), access: FaultMatrixSupport.access,
            options: FaultMatrixSupport.options()).result()
        return (result, log.headers)
    }

    @Test func paceCAMCardIsVerifiedByPACEWithoutChipAuthentication() async throws {
        let gm = try await readLogged(adjustments: .none)
        let cam = try await readLogged(adjustments: .init(paceCAM: true))

        #expect(cam.result.access.protocol == "PACE")
        #expect(cam.result.access.algorithm?.contains("CAM") == true, "\(cam.result.access)")
        FaultMatrixSupport.expectGenuine(cam.result)
        let verification = try #require(cam.result.verification)
        #expect(verification.overall == .valid, "\(verification)")
        #expect(verification.passive.status == .valid && verification.active.status == .valid)
        #expect(verification.chip.status == .valid, "\(verification.chip)")
        #expect(verification.chip.method == "PACE-CAM, key from DG14", "\(verification.chip)")

        // The GM read runs Chip Authentication (the log sees it); the CAM read sends none of its
        // commands: PACE's MSE:Set AT and four GENERAL AUTHENTICATEs per access run, nothing more.
        #expect(gm.result.verification?.chip.status == .valid)
        #expect(gm.commands.contains { $0.isChipAuthentication }, "\(gm.commands)")
        #expect(!cam.commands.contains { $0.isChipAuthentication }, "\(cam.commands)")
        let runs = cam.result.statistics.restarts + 1
        #expect(cam.commands.filter { $0.ins == 0x86 }.count == 4 * runs)
        #expect(cam.commands.filter { $0.ins == 0x22 }.count == runs)
        // Same files, same AA: the CA exchanges (MSE:Set AT, GENERAL AUTHENTICATE, the proof read) are saved.
        #expect(cam.result.statistics.exchanges == cam.commands.count)
        #expect(cam.result.statistics.exchanges <= gm.result.statistics.exchanges - 2,
                "CAM \(cam.result.statistics.exchanges), GM \(gm.result.statistics.exchanges)")
        print("PACE-CAM read: \(cam.result.statistics.exchanges) exchanges, PACE-GM with CA: \(gm.result.statistics.exchanges)")
    }

    @Test func paceCAMCloneIsInvalid() async throws {
        // Genuine files, but the chip's CAM uses a fresh key, not DG14's.
        let clone = try await readLogged(adjustments: .init(paceCAM: true), clone: true)
        let verification = try #require(clone.result.verification)
        #expect(verification.passive.status == .valid)
        #expect(verification.chip.status == .invalid, "\(verification.chip)")
        #expect(verification.chip.method == "PACE-CAM", "\(verification.chip)")
        #expect(verification.chip.reasons.contains { $0.code == .chipAuthenticationDataMismatch && $0.message.contains("clone") },
                "\(verification.chip)")
        #expect(verification.overall == .invalid)
        #expect(!clone.commands.contains { $0.isChipAuthentication }, "\(clone.commands)")
    }
}

/// CLA INS P1 P2 of one command (its data stays unlogged: it may carry personal data in clear).
struct CommandHeader: Sendable, CustomStringConvertible {
    var cla, ins, p1, p2: UInt8

    /// Chip Authentication's MSE:Set AT / MSE:Set KAT (P1 41) or a GENERAL AUTHENTICATE under
    /// secure messaging (PACE's are sent in clear).
    var isChipAuthentication: Bool { (ins == 0x22 && p1 == 0x41) || (ins == 0x86 && cla & 0x0C != 0) }

    var description: String { String(format: "%02X%02X%02X%02X", cla, ins, p1, p2) }
}

final class CommandHeaderLog: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [CommandHeader] = []

    func append(_ header: CommandHeader) { lock.withLock { list.append(header) } }
    var headers: [CommandHeader] { lock.withLock { list } }
}

struct CommandHeaderLoggingTransport: CardTransport {
    let inner: any CardTransport
    let log: CommandHeaderLog

    func transmit(_ command: [UInt8]) async throws -> [UInt8] {
        if command.count >= 4 { log.append(CommandHeader(cla: command[0], ins: command[1], p1: command[2], p2: command[3])) }
        return try await inner.transmit(command)
    }
}

/// A connector that closes the PC/SC connector it wraps when the read is over.
struct ClosingConnector: CardConnector {
    let inner: ClosureCardConnector
    let closing: PCSCCardConnector

    func connect(attempt: Int) async throws -> CardConnection { try await inner.connect(attempt: attempt) }
    func close() { closing.close() }
}
