import CCCDVirtualCard
import Foundation

/// Puts a virtual card back on the vpcd reader after an injected fault removed it (as `cccd sim`
/// does), waiting the delay the fault asks for. Stop it before ejecting the card.
public final class FaultReinsertion: @unchecked Sendable {
    private let connection: VPCDConnection
    private let lock = NSLock()
    private var running = true
    private var count = 0

    public init(_ connection: VPCDConnection) {
        self.connection = connection
        let thread = Thread { [self] in watch() }
        thread.name = "cccd.test.reinsert"
        thread.start()
    }

    /// Re-insertions done so far.
    public var reinsertions: Int { lock.withLock { count } }

    public func stop() { lock.withLock { running = false } }

    private func watch() {
        while lock.withLock({ running }) {
            if !connection.isConnected, let after = connection.takeFaultRemoval() {
                Thread.sleep(forTimeInterval: Double(after.components.seconds) + Double(after.components.attoseconds) / 1e18)
                guard lock.withLock({ running }) else { return }
                if (try? connection.insert()) != nil { lock.withLock { count += 1 } }
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }
}
