import Foundation

/// A value guarded by a lock, for state shared between PC/SC threads, tasks and request handlers. The one
/// lock wrapper of the package: hold the lock only inside `withLock`, never across an `await`.
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
}
