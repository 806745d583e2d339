/// A read in progress: its progress as an async sequence and its result.
///
/// ```swift
/// let operation = CardReader().read(access: .can("123456"))
/// for await step in operation.progress { print(step) }
/// let result = try await operation.result()
/// ```
public final class ReadOperation: Sendable {
    /// The steps of the read, ending after ``ReadProgress/finished`` or when the read fails.
    public let progress: AsyncStream<ReadProgress>
    private let task: Task<CardReadResult, any Error>

    init(session: CardReadSession) {
        let (stream, continuation) = AsyncStream<ReadProgress>.makeStream(bufferingPolicy: .bufferingNewest(256))
        progress = stream
        task = Task {
            defer { continuation.finish() }
            return try await session.run { continuation.yield($0) }
        }
    }

    /// Waits for the read to finish.
    public func result() async throws(CardReadError) -> CardReadResult {
        do {
            return try await task.value
        } catch {
            throw CardReadError.from(error)
        }
    }

    /// Stops the read; ``result()`` then throws ``CardReadError/cancelled``.
    public func cancel() { task.cancel() }
}
