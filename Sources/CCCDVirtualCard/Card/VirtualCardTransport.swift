import CCCDTransport

/// Talks to a `VirtualCard` in-process, without pcscd: for unit tests and benchmarks of the layers
/// above the transport.
public struct VirtualCardTransport: CardTransport {
    public let card: VirtualCard

    public init(card: VirtualCard) {
        self.card = card
        card.powerOn()
    }

    public func transmit(_ command: [UInt8]) async throws -> [UInt8] {
        card.process(command)
    }
}
