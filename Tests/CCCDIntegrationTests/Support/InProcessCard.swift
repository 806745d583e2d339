import CCCDKit
import CCCDTestSupport
import CCCDVirtualCard
import Foundation

/// An in-process virtual card behind a connector: each (re)connection powers the card up afresh,
/// as a card put back on the reader.
struct InProcessCard: Sendable {
    let card: VirtualCard
    let counter: CountingTransport

    init(_ card: VirtualCard, wrap: (@Sendable (any CardTransport) -> any CardTransport)? = nil) {
        self.card = card
        let base: any CardTransport = VirtualCardTransport(card: card)
        counter = CountingTransport(wrapping: wrap?(base) ?? base)
    }

    var connector: ClosureCardConnector {
        let card = self.card
        let counter = self.counter
        return ClosureCardConnector { attempt in
            if attempt > 0 { card.reset() }
            return CardConnection(transport: counter, atr: card.atr, readerName: "in-process")
        }
    }

    /// A plain channel with the eMRTD application selected.
    func plainChannel() async throws -> APDUChannel {
        let channel = APDUChannel(transport: counter)
        _ = try await channel.send(AccessControl.selectApplicationCommand())
        return channel
    }
}
