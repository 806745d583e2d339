import Foundation

/// A value guarded by a lock, for state shared between PC/SC threads, tasks and request handlers. The one
/// lock wrapper of the package: hold the lock only inside `withLock`, never across an `await`.
///
/// Chosen over `Mutex` (Synchronization): the package supports macOS 14, and `Mutex` needs macOS 15. Where a
/// lock guards several values, box a small struct. `LockedBox(())` is a plain lock, for the rare state that
/// callbacks must reach through an object's methods while the lock is held (the virtual card's handlers).
public final class LockedBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    public init(_ value: Value) {
        self.value = value
    }

    public func withLock<Result, Failure: Error>(_ body: (inout Value) throws(Failure) -> Result) throws(Failure) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }

    /// Runs `body` when the lock is free right now; nil (without waiting) when another thread holds it.
    public func withLockIfAvailable<Result, Failure: Error>(
        _ body: (inout Value) throws(Failure) -> Result
    ) throws(Failure) -> Result? {
        guard lock.try() else { return nil }
        defer { lock.unlock() }
        return try body(&value)
    }
}
