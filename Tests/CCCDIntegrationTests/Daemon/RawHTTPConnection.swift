import Foundation

/// A plain TCP connection to the daemon for requests curl will not send: partial heads, bodies
/// written a byte at a time, oversized heads, lying Content-Length.
final class RawHTTPConnection: @unchecked Sendable {
    private let fd: Int32

    init(port: Int, receiveTimeout: TimeInterval = 5) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw DaemonTestError.noPort }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
        guard connected else {
            close(fd)
            throw DaemonTestError.timeout("connect")
        }
        setReceiveTimeout(receiveTimeout)
    }

    func setReceiveTimeout(_ seconds: TimeInterval) {
        var tv = timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - Double(Int(seconds))) * 1_000_000))
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
    }

    /// false when the peer has closed the connection (EPIPE / ECONNRESET).
    @discardableResult
    func send(_ text: String) -> Bool { send(Array(text.utf8)) }

    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return false }
            sent += n
        }
        return true
    }

    enum Outcome: Equatable {
        case data(String)
        case closed
        case timedOut
    }

    /// What the daemon sent within the receive timeout (all of it up to EOF or the timeout).
    func receive() -> Outcome {
        var collected = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n > 0 {
                collected += buffer[0..<n]
                continue
            }
            if collected.isEmpty { return n == 0 || errno == ECONNRESET ? .closed : .timedOut }
            return .data(String(decoding: collected, as: UTF8.self))
        }
    }

    /// The status code of the first response line, if any arrived.
    static func status(_ outcome: Outcome) -> Int? {
        guard case .data(let text) = outcome, text.hasPrefix("HTTP/1.1 ") else { return nil }
        return Int(text.dropFirst(9).prefix(3))
    }

    deinit { close(fd) }
}
