import CCCDPrimitives
import CPCSCLite
import Dispatch
import Foundation

/// A connection to the card in one reader. Implements `CardTransport`; the blocking PC/SC call runs
/// on a private serial queue so async callers never block the cooperative thread pool.
///
/// After ``abandon()`` (an exchange timed out) it sends nothing more and closes its handle once the
/// stuck SCardTransmit has returned.
package final class PCSCCard: AbandonableTransport, @unchecked Sendable {
    package let reader: String
    package private(set) var activeProtocol: PCSCProtocol
    private var handle: SCARDHANDLE
    /// Serialises the PC/SC calls on the handle (held across them); the value: whether it is still connected.
    private let connected = LockedBox(true)
    private let queue: DispatchQueue
    /// Set once by `abandon()` (never held across PC/SC calls, unlike `connected`).
    private let abandoned = LockedBox(false)
    /// Largest response pcsc-lite can return (extended APDU: 65 536 data bytes + SW1 SW2).
    static let receiveBufferSize = 65_536 + 2

    init(handle: SCARDHANDLE, reader: String, protocol: PCSCProtocol) {
        self.handle = handle
        self.reader = reader
        self.activeProtocol = `protocol`
        self.queue = DispatchQueue(label: "cccd.pcsc.card")
    }

    deinit {
        if connected.withLock({ $0 }) { _ = SCardDisconnect(handle, SCard.leaveCard) }
    }

    /// The card's current ATR and whether it is still present.
    package func status() throws(CardTransportError) -> (present: Bool, atr: [UInt8]) {
        try connected.withLock { (connected) throws(CardTransportError) -> (present: Bool, atr: [UInt8]) in
            guard connected else { throw .closed }
            return try statusLocked()
        }
    }

    private func statusLocked() throws(CardTransportError) -> (present: Bool, atr: [UInt8]) {
        var nameLength: DWORD = 0
        var state: DWORD = 0
        var proto: DWORD = 0
        var atr = [UInt8](repeating: 0, count: 33)
        var atrLength = DWORD(atr.count)
        let rv = SCardStatus(handle, nil, &nameLength, &state, &proto, &atr, &atrLength)
        switch UInt32(truncatingIfNeeded: rv) {
        case 0: break
        case 0x8010_0069, 0x8010_000C: return (false, [])
        default: throw PCSCStatus.error(rv, reader: reader)
        }
        return (state & SCard.statePresent != 0 || state > SCard.statePresent, Array(atr.prefix(Int(atrLength))))
    }

    package var atr: [UInt8] {
        get throws(CardTransportError) { try status().atr }
    }

    /// Sends raw command bytes and waits for the response (blocking).
    package func transmitSync(_ command: [UInt8]) throws(CardTransportError) -> [UInt8] {
        try connected.withLock { (connected) throws(CardTransportError) -> [UInt8] in
            guard connected else { throw .closed }
            return try transmitLocked(command)
        }
    }

    private func transmitLocked(_ command: [UInt8]) throws(CardTransportError) -> [UInt8] {
        var sendPci = SCARD_IO_REQUEST(
            dwProtocol: activeProtocol == .t1 ? SCard.protocolT1 : SCard.protocolT0,
            cbPciLength: DWORD(MemoryLayout<SCARD_IO_REQUEST>.size))
        var response = [UInt8](repeating: 0, count: Self.receiveBufferSize)
        var responseLength = DWORD(response.count)
        let rv = command.withUnsafeBufferPointer { cmd in
            SCardTransmit(handle, &sendPci, cmd.baseAddress, DWORD(cmd.count), nil, &response, &responseLength)
        }
        guard rv == PCSCStatus.success else {
            let mapped = PCSCStatus.error(rv, reader: reader)
            if case .pcsc = mapped, let st = try? statusLocked(), !st.present {
                // pcscd may report a generic failure before it notices the removal.
                throw .cardRemoved
            }
            throw mapped
        }
        guard responseLength >= 2 else {
            throw .malformedResponse("response of \(responseLength) bytes has no status word")
        }
        return Array(response.prefix(Int(responseLength)))
    }

    package func transmit(_ command: [UInt8]) async throws -> [UInt8] {
        if abandoned.withLock({ $0 }) { throw CardTransportError.closed }
        return try await withCheckedThrowingContinuation { continuation in
            queue.async {
                do {
                    continuation.resume(returning: try self.transmitSync(command))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    /// Re-establishes the connection, optionally resetting the card (e.g. after the chip dropped its
    /// secure channel).
    package func reconnect(share: PCSCShareMode = .shared, disposition: PCSCDisposition = .reset)
        throws(CardTransportError)
    {
        try connected.withLock { (connected) throws(CardTransportError) in
            guard connected else { throw .closed }
            var active: DWORD = 0
            let rv = SCardReconnect(
                handle, share.value, SCard.protocolT1 | SCard.protocolT0, disposition.value, &active)
            guard rv == PCSCStatus.success else { throw PCSCStatus.error(rv, reader: reader) }
            activeProtocol = active == SCard.protocolT0 ? .t0 : .t1
        }
    }

    /// Gives the connection up without blocking: later transmits throw `.closed`, and the handle is
    /// disconnected (resetting the card) when the running exchange, if any, has returned.
    package func abandon() {
        let first = abandoned.withLock { (abandoned) -> Bool in
            defer { abandoned = true }
            return !abandoned
        }
        if first { disconnectWhenIdle(.reset) }
    }

    /// Disconnects now when no exchange is running, else as soon as it returns (on the card's
    /// queue); then runs `then` (e.g. releasing the context, which would also wait for the
    /// exchange). Never blocks.
    package func disconnectWhenIdle(_ disposition: PCSCDisposition, then: (@Sendable () -> Void)? = nil) {
        let idle = connected.withLockIfAvailable { (connected) -> Bool in
            if connected {
                _ = SCardDisconnect(handle, disposition.value)
                connected = false
            }
            return true
        }
        if idle == true {
            then?()
            return
        }
        queue.async {
            self.disconnect(disposition)
            then?()
        }
    }

    /// Disconnects; later calls throw `.closed`.
    package func disconnect(_ disposition: PCSCDisposition = .leave) {
        connected.withLock { connected in
            if connected {
                _ = SCardDisconnect(handle, disposition.value)
                connected = false
            }
        }
    }
}
