import CCCDKit
import CCCDPrimitives

/// The one read running on a reader: its id (client-chosen or generated) and the operation to
/// cancel. A cancel that arrives before the operation exists cancels it as soon as it starts.
public final class ReaderSession: Sendable {
    public let id: String
    public let reader: String
    /// The client (token name) whose read this is: only it may cancel it.
    public let owner: String
    private let state = LockedBox<(operation: ReadOperation?, cancelled: Bool)>((nil, false))

    init(id: String, reader: String, owner: String) {
        self.id = id
        self.reader = reader
        self.owner = owner
    }

    func attach(_ operation: ReadOperation) {
        let cancelled = state.withLock { state -> Bool in
            state.operation = operation
            return state.cancelled
        }
        if cancelled { operation.cancel() }
    }

    public func cancel() {
        let operation = state.withLock { state -> ReadOperation? in
            state.cancelled = true
            return state.operation
        }
        operation?.cancel()
    }

    public var isCancelled: Bool { state.withLock { $0.cancelled } }
}
