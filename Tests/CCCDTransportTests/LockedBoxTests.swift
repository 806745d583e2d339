import CCCDPrimitives
import Foundation
import Testing

/// The package's one lock wrapper (CCCDPrimitives.LockedBox).
@Suite struct LockedBoxTests {
    @Test func withLockIfAvailableDoesNotWaitForAHeldLock() {
        let box = LockedBox(0)
        let whileHeld = box.withLock { _ in box.withLockIfAvailable { $0 += 1 } }
        #expect(whileHeld == nil)
        let whenFree = box.withLockIfAvailable { value -> Int in
            value += 1
            return value
        }
        #expect(whenFree == 1)
    }

    @Test func concurrentIncrementsAreNotLost() {
        let box = LockedBox(0)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<1_000 { box.withLock { $0 += 1 } }
        }
        #expect(box.withLock { $0 } == 8_000)
    }
}
