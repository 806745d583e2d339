import Foundation
import Metrics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Sends datagrams to journald's native socket (or a relay at another path). Best effort and
/// silent: without a journal (no systemd, a container, journald restarting) the entry is dropped;
/// other refusals (a full queue) are counted in `cccdd_journal_send_failures_total`. The SQLite audit
/// journal stays the record.
/// Never blocks a request: the socket is non-blocking and a full journald queue drops the entry.
final class JournalSink: Sendable {
    let path: String
    private let descriptor: Int32

    init(path: String) {
        self.path = path
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Sends one entry; returns whether journald (or the relay) took it.
    @discardableResult
    func send(_ fields: [(String, String)]) -> Bool {
        let datagram = JournalFields.datagram(fields)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let pathBytes = Array(path.utf8)
        guard descriptor >= 0, pathBytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return failed(EINVAL) }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: pathBytes)
            raw[pathBytes.count] = 0
        }
        let sent = datagram.withUnsafeBytes { body in
            withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    sendto(
                        descriptor, body.baseAddress, body.count, Int32(MSG_NOSIGNAL), $0,
                        socklen_t(MemoryLayout<sockaddr_un>.size))
                }
            }
        }
        return sent == datagram.count ? true : failed(errno)
    }

    /// No journal at the path is the silent case; anything else (queue full, too large) is counted.
    private func failed(_ error: Int32) -> Bool {
        if ![ENOENT, ECONNREFUSED, ENOTDIR, EACCES].contains(error) {
            Counter(label: "cccdd_journal_send_failures_total").increment()
        }
        return false
    }
}
