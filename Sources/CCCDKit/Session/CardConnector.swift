import CCCDPrimitives
import CCCDTransport
import Foundation

/// A live connection to a card: the transport and the card's ATR.
public struct CardConnection: Sendable {
    public var transport: any CardTransport
    public var atr: [UInt8]
    /// The reader's name, when there is one.
    public var readerName: String?

    public init(transport: any CardTransport, atr: [UInt8], readerName: String? = nil) {
        self.transport = transport
        self.atr = atr
        self.readerName = readerName
    }
}

/// Produces card connections: the first one, and new ones after tag loss (waiting for the card
/// to come back). ``PCSCCardConnector`` is the PC/SC implementation; tests and benchmarks pass
/// in-process transports with ``ClosureCardConnector``.
public protocol CardConnector: Sendable {
    /// Connects. `attempt` is 0 for the first connection and counts up for reconnections.
    func connect(attempt: Int) async throws -> CardConnection
    /// Ends the current connection when the read is over (leaving the card powered).
    func close()
}

extension CardConnector {
    public func close() {}
}

/// A connector made of a closure (in-process virtual cards, recorded transcripts, wrappers).
public struct ClosureCardConnector: CardConnector {
    private let body: @Sendable (Int) async throws -> CardConnection

    public init(_ body: @escaping @Sendable (_ attempt: Int) async throws -> CardConnection) {
        self.body = body
    }

    public func connect(attempt: Int) async throws -> CardConnection { try await body(attempt) }
}

/// Connects through PC/SC to the card in one reader, waiting up to `timeout` for a card.
public final class PCSCCardConnector: CardConnector, @unchecked Sendable {
    /// Reader name or index as printed by `cccd readers`; nil = the first reader.
    public let reader: String?
    public let timeout: Duration
    /// The open card handle and the context it belongs to (released together).
    private let handles = LockedBox<(card: PCSCCard?, context: PCSCContext?)>((nil, nil))

    public init(reader: String?, timeout: Duration) {
        self.reader = reader
        self.timeout = timeout
    }

    public func connect(attempt: Int) async throws -> CardConnection {
        let (previous, previousContext) = handles.withLock { handles in
            defer { handles = (nil, nil) }
            return handles
        }
        // After tag loss the old handle is useless: reset the card so no session state survives.
        // A handle whose exchange timed out may still be stuck in SCardTransmit: it is closed (and
        // its context released) when that returns, without blocking this read.
        Self.dispose(previous, previousContext, .reset)
        // The context must outlive the card handle: releasing it closes its cards.
        let context = try PCSCContext()
        handles.withLock { $0.context = context }
        let deadline = ContinuousClock.now + timeout
        let name = try context.resolveReader(reader)
        while true {
            try Task.checkCancellation()
            switch Self.attempt(context, reader: name) {
            case .success(let card):
                handles.withLock { $0.card = card }
                return CardConnection(transport: card, atr: (try? card.atr) ?? [], readerName: name)
            case .failure(let error):
                // No card yet, or the reader still settles after removal: keep waiting.
                switch error {
                case .noCard, .cardRemoved, .cardUnresponsive, .readerUnavailable, .cardReset, .pcsc: break
                default: throw error
                }
                guard ContinuousClock.now < deadline else { throw CardTransportError.noCard }
                try await Task.sleep(for: .milliseconds(50))
            }
        }
    }

    private static func attempt(_ context: PCSCContext, reader: String) -> Result<PCSCCard, CardTransportError> {
        do {
            return .success(try context.connect(reader: reader))
        } catch {
            return .failure(error)
        }
    }

    /// Disconnects the current card handle, leaving the card powered.
    public func close() {
        let (card, context) = handles.withLock { handles in
            defer { handles = (nil, nil) }
            return handles
        }
        Self.dispose(card, context, .leave)
    }

    /// Disconnects the card, then releases its context, without waiting for a stuck exchange.
    private static func dispose(_ card: PCSCCard?, _ context: PCSCContext?, _ disposition: PCSCDisposition) {
        guard let card else {
            context?.release()
            return
        }
        card.disconnectWhenIdle(disposition) { context?.release() }
    }
}
