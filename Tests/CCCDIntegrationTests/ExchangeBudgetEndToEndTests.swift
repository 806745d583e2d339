import CCCDKit
import CCCDTestSupport
import CCCDTransport
import CCCDVirtualCard
import Foundation
import Testing

/// Issue 14, item 5: the exchange budget of a full read with AA and CA through pcscd + vpcd. The
/// floor on a PACE-GM card with extended length and EF.ATR/INFO is 18: EF.ATR/INFO 1,
/// EF.CardAccess 1, PACE 5, SELECT 1, seven files one READ each, AA 1, CA 2 (the next file read
/// proves the CA keys); PACE-CAM has no CA exchanges (16).
extension PCSCEndToEnd {
    /// Serves `card` on the first reader and reads it through PC/SC, logging every command header
    /// and status word.
    func readExchanges(_ card: VirtualCard, options: ReadOptions = FaultMatrixSupport.options()) async throws
        -> (result: CardReadResult, exchanges: [ExchangeRecord])
    {
        let connection = VPCDConnection(card: card, port: bed.basePort)
        try connection.insertSettled()
        defer { connection.eject() }
        let log = ExchangeLog()
        let pcsc = PCSCCardConnector(reader: bed.readerNames[0], timeout: .seconds(15))
        let connector = ClosureCardConnector { attempt in
            var connection = try await pcsc.connect(attempt: attempt)
            connection.transport = ExchangeLoggingTransport(inner: connection.transport, log: log)
            return connection
        }
        let result = try await CardReader().read(
            connector: ClosingConnector(inner: connector, closing: pcsc), access: FaultMatrixSupport.access,
            options: options).result()
        return (result, log.records)
    }

    @Test func paceGMReadWithAAAndCAFitsEighteenExchanges() async throws {
        let card = try DataSetChip.load(FaultMatrixSupport.dataSet)
        let (result, exchanges) = try await readExchanges(card)
        print("PACE-GM extended, AA + CA: \(result.statistics); \(exchanges.map(\.description).joined(separator: " "))")
        FaultMatrixSupport.expectGenuine(result)
        let verification = try #require(result.verification)
        #expect(verification.overall == .valid && verification.active.status == .valid
            && verification.chip.status == .valid, "\(verification)")
        #expect(result.statistics.exchanges == exchanges.count)
        #expect(result.statistics.exchanges <= 18, "\(exchanges)")
        #expect(result.statistics.restarts == 0, "\(result.statistics)")
        // DG2 (14.9 KB) in one READ BINARY.
        #expect(exchanges.filter { $0.isReadBinary }.count == 9, "\(exchanges)")
    }

    @Test func paceCAMReadWithAAFitsSixteenExchanges() async throws {
        let card = try DataSetChip.load(FaultMatrixSupport.dataSet, adjustments: .init(paceCAM: true))
        let (result, exchanges) = try await readExchanges(card)
        print("PACE-CAM extended, AA: \(result.statistics); \(exchanges.map(\.description).joined(separator: " "))")
        FaultMatrixSupport.expectGenuine(result)
        #expect(result.verification?.overall == .valid && result.verification?.chip.status == .valid)
        #expect(result.statistics.exchanges <= 16, "\(exchanges)")
    }
}

/// One command's header and the status word of its answer (data stays unlogged: personal data).
struct ExchangeRecord: Sendable, CustomStringConvertible {
    var cla, ins, p1, p2: UInt8
    var status: UInt16?

    var isReadBinary: Bool { ins == 0xB0 || ins == 0xB1 }
    var description: String {
        String(format: "%02X%02X%02X%02X", cla, ins, p1, p2) + (status.map { String(format: ":%04X", $0) } ?? ":-")
    }
}

final class ExchangeLog: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [ExchangeRecord] = []

    func append(_ record: ExchangeRecord) { lock.withLock { list.append(record) } }
    func setStatus(_ status: UInt16) { lock.withLock { if !list.isEmpty { list[list.count - 1].status = status } } }
    var records: [ExchangeRecord] { lock.withLock { list } }
}

struct ExchangeLoggingTransport: CardTransport {
    let inner: any CardTransport
    let log: ExchangeLog

    func transmit(_ command: [UInt8]) async throws -> [UInt8] {
        if command.count >= 4 { log.append(ExchangeRecord(cla: command[0], ins: command[1], p1: command[2], p2: command[3])) }
        let response = try await inner.transmit(command)
        if response.count >= 2 { log.setStatus(UInt16(response[response.count - 2]) << 8 | UInt16(response[response.count - 1])) }
        return response
    }
}
