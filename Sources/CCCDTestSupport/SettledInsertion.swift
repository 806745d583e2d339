import CCCDTransport
import CCCDVirtualCard
import Foundation

extension VPCDConnection {
    /// Inserts the card the way tests need it: first waits until pcscd has seen the reader empty
    /// (a card removed by the previous test and a new one inserted within one pcscd polling period
    /// would otherwise look like the same card, and the first transmit would hit the old, closed
    /// vpcd link: SCARD_E_NOT_TRANSACTED), then inserts and waits until pcscd reports the card.
    public func insertSettled(timeout: Duration = .seconds(10)) throws {
        let bed = try PCSCTestBed.shared()
        let reader = port == bed.basePort ? bed.readerNames[0] : bed.readerNames[1]
        let context = try PCSCContext()
        defer { context.release() }
        func present() -> Bool {
            (try? context.readerStates().first { $0.name == reader }?.cardPresent) ?? false
        }
        let deadline = ContinuousClock.now + timeout
        while present() && ContinuousClock.now < deadline { usleep(10_000) }
        try insert(timeout: timeout)
        while !present() {
            guard ContinuousClock.now < deadline else { throw CardTransportError.timeout }
            usleep(10_000)
        }
    }
}
