import CCCDTransport

/// Talks to a `VirtualCard` in-process, without pcscd: for unit tests and benchmarks of the layers
/// above the transport. Injected faults behave as on a reader: a removal throws
/// `CardTransportError.cardRemoved` until the card is powered on again (`reset()` / a new
/// transport), a delay keeps the transmit waiting (cancellable).
public struct VirtualCardTransport: CardTransport {
    public let card: VirtualCard

    public init(card: VirtualCard) {
        self.card = card
        card.powerOn()
    }

    public func transmit(_ command: [UInt8]) async throws -> [UInt8] {
        switch card.exchange(command) {
        case .removed:
            throw CardTransportError.cardRemoved
        case .response(let response, let delay):
            if let delay { try await Task.sleep(for: delay) }
            return response
        }
    }
}
