import CCCDPrimitives
import Foundation

/// Plays a recorded transcript back: each command must equal the recorded one, byte for byte, and
/// gets the recorded response. Any divergence fails loudly with a `ReplayError`.
package final class ReplayTransport: CardTransport, @unchecked Sendable {
    private let transcript: Transcript
    /// The next exchange to replay, and the first divergence (after which the session is void).
    private let progress = LockedBox<(position: Int, failed: ReplayError?)>((0, nil))

    package init(_ transcript: Transcript) {
        self.transcript = transcript
    }

    package var atr: [UInt8]? { transcript.header.atr.flatMap { Hex.decode($0) } }

    package func transmit(_ command: [UInt8]) async throws -> [UInt8] {
        try progress.withLock { (progress) throws(ReplayError) -> [UInt8] in
            let position = progress.position
            // After one divergence the session is void: keep failing with the first error.
            if let failed = progress.failed { throw failed }
            guard position < transcript.exchanges.count else {
                let error = ReplayError.unexpectedCommand(index: position, actual: Hex.encode(command))
                progress.failed = error
                throw error
            }
            let expected = transcript.exchanges[position]
            let actual = Hex.encode(command)
            guard expected.c == actual else {
                let error = ReplayError.divergence(index: position, expected: expected.c, actual: actual)
                progress.failed = error
                throw error
            }
            progress.position += 1
            guard let r = expected.r, let response = Hex.decode(r) else {
                throw ReplayError.recordedFailure(index: position, error: expected.e ?? "?")
            }
            return response
        }
    }

    /// Throws unless every recorded exchange was replayed.
    package func assertFinished() throws(ReplayError) {
        let (position, failed) = progress.withLock { $0 }
        if let failed { throw failed }
        guard position == transcript.exchanges.count else {
            throw .notFinished(replayed: position, recorded: transcript.exchanges.count)
        }
    }
}

package enum ReplayError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The command at `index` differs from the recorded one.
    case divergence(index: Int, expected: String, actual: String)
    /// A command was sent after the transcript ended.
    case unexpectedCommand(index: Int, actual: String)
    /// The recorded exchange was a transport failure; it is reproduced as this error.
    case recordedFailure(index: Int, error: String)
    /// The session ended before the transcript did.
    case notFinished(replayed: Int, recorded: Int)

    package var description: String {
        switch self {
        case .divergence(let i, let expected, let actual):
            return "replay diverged at exchange \(i): expected \(expected), got \(actual)"
        case .unexpectedCommand(let i, let actual):
            return "replay: command \(i) (\(actual)) sent after the transcript ended"
        case .recordedFailure(let i, let error): return "replay: exchange \(i) was recorded as a failure: \(error)"
        case .notFinished(let replayed, let recorded):
            return "replay: only \(replayed) of \(recorded) recorded exchanges were used"
        }
    }
}
