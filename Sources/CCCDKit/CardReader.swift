import CCCDTransport
import Foundation

/// The entry point for applications: find readers, wait for a card, read it.
///
/// ```swift
/// let reader = CardReader()
/// let name = try await reader.waitForCard(timeout: .seconds(30))
/// let result = try await reader.read(reader: name, access: .can("123456")).result()
/// print(result.citizen?.fullName ?? "")
/// ```
///
/// A read connects through PC/SC, sizes its APDUs from the ATR and EF.ATR/INFO, runs PACE (or BAC
/// when the card offers no PACE), reads EF.COM, EF.SOD and the data groups over secure messaging
/// (resuming after tag loss), and parses DG1, DG2 and DG13 into a ``CardReadResult``.
public struct CardReader: Sendable {
    /// A reader as PC/SC reports it.
    public struct ReaderInfo: Sendable, Hashable, Codable {
        /// Position in the list (what `--reader INDEX` refers to).
        public var index: Int
        public var name: String
        public var cardPresent: Bool
    }

    public init() {}

    /// The attached readers.
    public func readers() throws(CardReadError) -> [ReaderInfo] {
        do {
            let context = try PCSCContext()
            defer { context.release() }
            return try context.readerStates().enumerated().map {
                ReaderInfo(index: $0.offset, name: $0.element.name, cardPresent: $0.element.cardPresent)
            }
        } catch {
            throw CardReadError.from(error)
        }
    }

    /// Waits until a card is present on `reader` (name or index; nil = the first reader) and
    /// returns the reader's name.
    public func waitForCard(reader: String? = nil, timeout: Duration = .seconds(30)) async throws(CardReadError)
        -> String
    {
        do {
            let context = try PCSCContext()
            defer { context.release() }
            let name = try context.resolveReader(reader)
            if try context.readerStates().first(where: { $0.name == name })?.cardPresent == true { return name }
            return try await withThrowingTaskGroup(of: String?.self) { group in
                group.addTask {
                    for try await event in PCSCReaderMonitor.events(initialSnapshot: true) {
                        if case .cardInserted(let r, _) = event, r == name { return name }
                    }
                    return nil
                }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    return nil
                }
                defer { group.cancelAll() }
                guard let found = try await group.next() ?? nil else { throw CardTransportError.noCard }
                return found
            }
        } catch {
            throw CardReadError.from(error)
        }
    }

    /// Reads the card in `reader` (name or index; nil = the first reader) through PC/SC, waiting up
    /// to `options.cardTimeout` for a card.
    public func read(reader: String? = nil, access: AccessInput, options: ReadOptions = ReadOptions()) -> ReadOperation {
        read(connector: PCSCCardConnector(reader: reader, timeout: options.cardTimeout), access: access, options: options)
    }

    /// Reads through any connector (an in-process virtual card, a recorded transcript, …).
    public func read(connector: any CardConnector, access: AccessInput, options: ReadOptions = ReadOptions())
        -> ReadOperation
    {
        ReadOperation(session: CardReadSession(connector: connector, access: access, options: options))
    }
}
