import CCCDLDS
import CCCDPrimitives
import CCCDTransport

/// Passes exchanges through and keeps the data of the plain READ BINARY responses sent before
/// access control starts its protocol: that is EF.CardAccess, read by the access procedure, so
/// the dump gets the file without reading it twice.
final class CardAccessTap: CardTransport, @unchecked Sendable {
    private let inner: any CardTransport
    private struct State {
        var capturing = true
        var captured: [UInt8] = []
    }
    private let state = LockedBox(State())

    init(wrapping inner: any CardTransport) {
        self.inner = inner
    }

    func transmit(_ command: [UInt8]) async throws -> [UInt8] {
        let response = try await inner.transmit(command)
        state.withLock { state in
            guard state.capturing, command.count >= 4 else { return }
            switch (command[0], command[1]) {
            case (0x00, 0xB0):
                // Data of successful (or end-of-file) reads only.
                if response.count > 2, response[response.count - 2] == 0x90 || response[response.count - 2] == 0x62 {
                    state.captured += response.dropLast(2)
                }
            case (0x00, 0xA4):
                break
            default:
                state.capturing = false
            }
        }
        return response
    }

    /// The captured file when it is exactly one complete TLV (as EF.CardAccess is), else nil.
    var cardAccess: [UInt8]? {
        let captured = state.withLock { $0.captured }
        guard let length = (try? TLVHeader.fileLength(fromPrefix: captured)) ?? nil, length <= captured.count else {
            return nil
        }
        return Array(captured.prefix(length))
    }
}
