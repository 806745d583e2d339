import CCCDPrimitives
import CCCDVirtualCard
import Foundation

/// Puts a virtual card back on the vpcd reader after an injected fault removed it (as `cccd sim`
/// does), waiting the delay the fault asks for. Stop it before ejecting the card.
public final class FaultReinsertion: @unchecked Sendable {
    private let connection: VPCDConnection
    private let state = LockedBox((running: true, count: 0))

    public init(_ connection: VPCDConnection) {
        self.connection = connection
        let thread = Thread { [self] in watch() }
        thread.name = "cccd.test.reinsert"
        thread.start()
    }

    /// Re-insertions done so far.
    public var reinsertions: Int { state.withLock { $0.count } }

    public func stop() { state.withLock { $0.running = false } }

    private func watch() {
        while state.withLock({ $0.running }) {
            if !connection.isConnected, let after = connection.takeFaultRemoval() {
                Thread.sleep(forTimeInterval: Double(after.components.seconds) + Double(after.components.attoseconds) / 1e18)
                guard state.withLock({ $0.running }) else { return }
                if (try? connection.insert()) != nil { state.withLock { $0.count += 1 } }
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }
}
