import CCCDKit
import CCCDTestSupport
import CCCDVerification
import CCCDVirtualCard
import Foundation
import Testing

/// Shared pieces of the fault matrix: the default data set, the test PKI as trust, a full read
/// with verification, and what a read may end in.
enum FaultMatrixSupport {
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }
    static var dataSet: URL { repositoryRoot.appendingPathComponent("TestVectors/datasets/default") }
    static let trust = TrustStore.commandLine(paths: [repositoryRoot.appendingPathComponent("TestVectors/datasets/pki").path])
    static let access = AccessInput.can("012345")

    /// The genuine files of the data set, to tell served data from altered data.
    static func genuine(_ name: String) -> [UInt8] {
        (try? [UInt8](Data(contentsOf: dataSet.appendingPathComponent(name)))) ?? []
    }

    /// A full read with passive, active and chip authentication against the test PKI.
    static func options(exchangeTimeout: Duration = .seconds(3)) -> ReadOptions {
        ReadOptions(cardTimeout: .seconds(15), exchangeTimeout: exchangeTimeout, verifier: CardVerifier(trustStore: trust))
    }

    /// What a read ended in.
    enum Ending: Sendable, CustomStringConvertible {
        case verdict(PassiveStatus, CardReadResult)
        case failed(CardReadError)

        var description: String {
            switch self {
            case .verdict(let status, let result):
                let v = result.verification
                return "verdict \(status.rawValue) (passive \(v?.passive.status.rawValue ?? "-"), active \(v?.active.status.rawValue ?? "-"), chip \(v?.chip.status.rawValue ?? "-"))"
            case .failed(let error): return "error \(error)"
            }
        }

        var status: PassiveStatus? {
            if case .verdict(let s, _) = self { return s }
            return nil
        }
    }

    static func read(_ connector: any CardConnector, options: ReadOptions = FaultMatrixSupport.options()) async -> Ending {
        do {
            let result = try await CardReader().read(connector: connector, access: access, options: options).result()
            return .verdict(result.verification?.overall ?? .incomplete, result)
        } catch {
            return .failed(error)
        }
    }

    /// The default data set's chip with `faults`, in-process.
    static func chip(_ faults: [CardFault]) throws -> VirtualCard {
        let card = try DataSetChip.load(dataSet)
        card.installFaults(faults)
        return card
    }

    /// A `valid` read's data really is the data set's (the verdict is about genuine bytes).
    static func expectGenuine(_ result: CardReadResult, sourceLocation: SourceLocation = #_sourceLocation) {
        for (file, name) in [(LDSFile.dataGroup(.dg1), "DG1.bin"), (.dataGroup(.dg2), "DG2.bin"), (.sod, "EF.SOD.bin"),
                             (.dataGroup(.dg13), "DG13.bin"), (.dataGroup(.dg14), "DG14.bin"), (.dataGroup(.dg15), "DG15.bin")]
        {
            #expect(result.rawFiles[file] == genuine(name), "\(name) differs from the data set", sourceLocation: sourceLocation)
        }
    }
}

/// An in-process card behind a connector that powers it up afresh on every connection (a card put
/// back on the reader), counting the connections.
final class FaultyCardConnector: CardConnector, @unchecked Sendable {
    let card: VirtualCard
    private let lock = NSLock()
    private var count = 0

    init(_ card: VirtualCard) { self.card = card }

    var connections: Int { lock.withLock { count } }

    func connect(attempt: Int) async throws -> CardConnection {
        lock.withLock { count += 1 }
        return CardConnection(transport: VirtualCardTransport(card: card), atr: card.atr, readerName: "in-process")
    }
}

/// Records the instruction byte of every command a clean read sends, to know what each APDU index is.
final class InstructionLog: CardTransport, @unchecked Sendable {
    private let inner: any CardTransport
    private let lock = NSLock()
    private var log: [UInt8] = []

    init(_ inner: any CardTransport) { self.inner = inner }

    func transmit(_ command: [UInt8]) async throws -> [UInt8] {
        lock.withLock { log.append(command.count > 1 ? command[1] : 0) }
        return try await inner.transmit(command)
    }

    var instructions: [UInt8] { lock.withLock { log } }
}
