import CCCDPrimitives
import Foundation

/// Passes every exchange through to another transport and records it (timestamps, C-APDU, R-APDU).
///
/// A transcript holds raw APDUs, which after access control are encrypted, but before it (and in
/// plain-text test sessions) may hold personal data: write transcripts only where the user asked.
package final class RecordingTransport: TranscriptAnnotating, @unchecked Sendable {
    private let inner: any CardTransport
    private let transcript: LockedBox<Transcript>
    private let start = ContinuousClock.now

    package init(wrapping inner: any CardTransport, header: Transcript.Header = .init()) {
        self.inner = inner
        self.transcript = LockedBox(Transcript(header: header))
    }

    package func transmit(_ command: [UInt8]) async throws -> [UInt8] {
        do {
            let response = try await inner.transmit(command)
            record(command, response: response, error: nil)
            return response
        } catch {
            record(command, response: nil, error: "\(error)")
            throw error
        }
    }

    private func record(_ command: [UInt8], response: [UInt8]?, error: String?) {
        let elapsed = ContinuousClock.now - start
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        transcript.withLock { transcript in
            transcript.exchanges.append(
                .init(index: transcript.exchanges.count, milliseconds: ms, command: command, response: response,
                      error: error))
        }
    }

    /// Sets the note (`n`) of the last exchange recorded.
    package func annotateLastExchange(_ note: String) {
        transcript.withLock { transcript in
            guard let last = transcript.exchanges.indices.last else { return }
            transcript.exchanges[last].n = note
        }
    }

    /// The transcript so far.
    package var recorded: Transcript { transcript.withLock { $0 } }

    /// Writes the transcript as JSON Lines.
    package func write(to url: URL) throws {
        try recorded.jsonLines().write(to: url, atomically: true, encoding: .utf8)
    }
}
