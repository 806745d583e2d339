import Foundation

/// systemd socket activation (sd_listen_fds(3)): with `cccdd.socket`, systemd binds 127.0.0.1:8700
/// and [::1]:8700 before the daemon starts and keeps them bound across restarts, so no other local
/// user can take the address in between. The daemon receives them as fds 3… with `LISTEN_FDS` and
/// `LISTEN_PID` in its environment.
enum SocketActivation {
    static let firstDescriptor: CInt = 3

    /// One inherited listening socket.
    struct Socket: Equatable {
        var descriptor: CInt
        var family: CInt
        var port: Int
    }

    /// The inherited listening sockets, or `nil` when the daemon was not socket-activated. The
    /// variables are removed so that child processes do not take the sockets for theirs.
    static func inheritedSockets(environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(ConfigurationError) -> [Socket]?
    {
        guard let pidText = environment["LISTEN_PID"], let countText = environment["LISTEN_FDS"] else { return nil }
        unsetenv("LISTEN_PID")
        unsetenv("LISTEN_FDS")
        unsetenv("LISTEN_FDNAMES")
        guard let pid = Int32(pidText), pid == getpid() else { return nil }
        guard let count = Int32(countText), (1...16).contains(count) else {
            throw .invalidValue(key: "LISTEN_FDS", reason: "\(countText) is not a number of sockets between 1 and 16")
        }
        var sockets: [Socket] = []
        for descriptor in firstDescriptor..<(firstDescriptor + count) {
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
            sockets.append(try describe(descriptor))
        }
        return sockets
    }

    /// Family and port of a listening TCP socket; refuses anything else (a Unix socket, a UDP one,
    /// a socket bound to a non-loopback address).
    static func describe(_ descriptor: CInt) throws(ConfigurationError) -> Socket {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let named = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        var type: CInt = 0
        var listening: CInt = 0
        var size = socklen_t(MemoryLayout<CInt>.size)
        _ = getsockopt(descriptor, SOL_SOCKET, SO_TYPE, &type, &size)
        size = socklen_t(MemoryLayout<CInt>.size)
        _ = getsockopt(descriptor, SOL_SOCKET, SO_ACCEPTCONN, &listening, &size)
        guard named == 0, type == CInt(SOCK_STREAM.rawValue), listening == 1 else {
            throw .invalidValue(key: "LISTEN_FDS", reason: "inherited fd \(descriptor) is not a listening TCP socket")
        }
        let family = CInt(storage.ss_family)
        switch family {
        case AF_INET:
            let address = withUnsafePointer(to: &storage) { $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee } }
            guard UInt32(bigEndian: address.sin_addr.s_addr) >> 24 == 127 else {
                throw .invalidValue(key: "LISTEN_FDS", reason: "inherited fd \(descriptor) is not bound to a loopback address")
            }
            return Socket(descriptor: descriptor, family: family, port: Int(UInt16(bigEndian: address.sin_port)))
        case AF_INET6:
            let address = withUnsafePointer(to: &storage) { $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee } }
            var loopback = in6addr_loopback
            let isLoopback = withUnsafeBytes(of: address.sin6_addr) { a in withUnsafeBytes(of: &loopback) { b in a.elementsEqual(b) } }
            guard isLoopback else {
                throw .invalidValue(key: "LISTEN_FDS", reason: "inherited fd \(descriptor) is not bound to ::1")
            }
            return Socket(descriptor: descriptor, family: family, port: Int(UInt16(bigEndian: address.sin6_port)))
        default:
            throw .invalidValue(key: "LISTEN_FDS", reason: "inherited fd \(descriptor) is not an IPv4 or IPv6 socket")
        }
    }
}
