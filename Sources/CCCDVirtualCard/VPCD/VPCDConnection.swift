import CCCDPrimitives
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Attaches a `VirtualCard` to pcscd through the vpcd virtual reader driver (vsmartcard).
///
/// vpcd listens on TCP (35963 for its first slot, "Virtual PCD 00 00"; 35964 for the second) and
/// the card connects to it. Each message is a 2-byte big-endian length and a payload: a 1-byte
/// payload is a control request (00 power off, 01 power on, 02 reset, 04 get ATR → the card answers
/// with its ATR); anything longer is a command APDU, answered with the response APDU. The card is
/// "inserted" while connected: `eject()` closes the connection and pcscd reports it removed.
public final class VPCDConnection: @unchecked Sendable {
    public let card: VirtualCard
    public let host: String
    public let port: UInt16
    private struct State {
        var connectedSocket: Int32 = -1
        var running = false
        /// Set when an injected fault removed the card: how long to wait before re-inserting it.
        var faultRemoval: Duration?
    }

    private let state = LockedBox(State())

    /// Sets TCP_NODELAY and TCP_QUICKACK (default). Off only to measure what they save.
    public let lowLatency: Bool

    public init(card: VirtualCard, host: String = "127.0.0.1", port: UInt16 = 35963, lowLatency: Bool = true) {
        self.card = card
        self.host = host
        self.port = port
        self.lowLatency = lowLatency
    }

    /// True while the card is connected to vpcd (inserted).
    public var isConnected: Bool { state.withLock { $0.connectedSocket >= 0 } }

    /// Connects ("inserts the card") and serves requests on a background thread until `eject()`
    /// or until vpcd closes the connection. Retries until `timeout` so the card may start before
    /// pcscd.
    public func insert(timeout: Duration = .seconds(10)) throws(VPCDError) {
        let deadline = ContinuousClock.now + timeout
        var fd: Int32 = -1
        while fd < 0 {
            fd = Self.connect(host: host, port: port, lowLatency: lowLatency)
            if fd < 0 {
                guard ContinuousClock.now < deadline else { throw .cannotConnect(host: host, port: port) }
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
        let connected = fd
        state.withLock { state in
            state.connectedSocket = connected
            state.running = true
            state.faultRemoval = nil
        }
        // A card put on the reader starts powered up and fresh (also after a fault removal).
        card.powerOn()
        let thread = Thread { [self] in serve(connected) }
        thread.name = "cccd.vpcd"
        thread.start()
    }

    /// When the connection ended because an injected fault removed the card: the delay the fault
    /// asks for before re-insertion (cleared by the call).
    public func takeFaultRemoval() -> Duration? {
        state.withLock { state in
            defer { state.faultRemoval = nil }
            return state.faultRemoval
        }
    }

    /// Serves until the connection ends, blocking the caller (for `cccd sim`).
    public func waitUntilDisconnected() {
        while isConnected { Thread.sleep(forTimeInterval: 0.05) }
    }

    /// Disconnects ("removes the card"). The card loses power.
    public func eject() {
        state.withLock { state in
            state.running = false
            if state.connectedSocket >= 0 { shutdown(state.connectedSocket, Int32(SHUT_RDWR)) }
        }
        waitUntilDisconnected()
        card.powerOff()
    }

    private func serve(_ fd: Int32) {
        defer {
            close(fd)
            state.withLock { $0.connectedSocket = -1 }
        }
        while state.withLock({ $0.running }) {
            guard let length = readExactly(fd, 2) else { return }
            // vpcd writes the length and the payload separately; with Nagle on its side the payload
            // waits for our ACK of the length, which delayed ACK would hold for ~40 ms.
            if lowLatency { Self.quickAck(fd) }
            let size = Int(length[0]) << 8 | Int(length[1])
            guard let payload = readExactly(fd, size) else { return }
            if size == 1 {
                switch payload[0] {
                case 0x00: card.powerOff()
                case 0x01: card.powerOn()
                case 0x02: card.reset()
                case 0x04: guard send(fd, card.atr) else { return }
                default: break
                }
            } else if size > 0 {
                switch card.exchange(payload) {
                case .removed(let after):
                    // Leave without answering: vpcd reports the card gone.
                    state.withLock { $0.faultRemoval = after }
                    return
                case .response(let response, let delay):
                    if let delay { Thread.sleep(forTimeInterval: Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18) }
                    guard send(fd, response) else { return }
                }
            }
        }
    }

    /// One write per message (length + payload), so Nagle never holds back half of it.
    private func send(_ fd: Int32, _ payload: [UInt8]) -> Bool {
        guard payload.count <= 0xFFFF else { return false }
        let message = [UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)] + payload
        var sent = 0
        while sent < message.count {
            let n = message[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 {
                if n < 0 && errno == EINTR { continue }
                return false
            }
            sent += n
        }
        // Sending right after receiving puts Linux in delayed-ACK ("pingpong") mode; leave it at once
        // so the next request's length segment is acknowledged immediately.
        if lowLatency { Self.quickAck(fd) }
        return true
    }

    private func readExactly(_ fd: Int32, _ count: Int) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: count)
        var got = 0
        while got < count {
            let n = buffer[got...].withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 {
                if n < 0 && errno == EINTR { continue }
                return nil
            }
            got += n
        }
        return buffer
    }

    private static func connect(host: String, port: UInt16, lowLatency: Bool) -> Int32 {
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return -1 }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            close(fd)
            return -1
        }
        let rc = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard rc == 0 else {
            close(fd)
            return -1
        }
        // Small request/response messages: without these, Nagle + delayed ACK add ~40 ms per APDU.
        if lowLatency {
            var one: Int32 = 1
            setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            quickAck(fd)
        }
        return fd
    }

    /// TCP_QUICKACK is not sticky on Linux: set it again after every read.
    private static func quickAck(_ fd: Int32) {
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_QUICKACK, &one, socklen_t(MemoryLayout<Int32>.size))
    }
}

public enum VPCDError: Error, Equatable, Sendable, CustomStringConvertible {
    case cannotConnect(host: String, port: UInt16)

    public var description: String {
        switch self {
        case .cannotConnect(let host, let port):
            return "cannot reach the vpcd virtual reader at \(host):\(port) (is pcscd running with vsmartcard-vpcd?)"
        }
    }
}
