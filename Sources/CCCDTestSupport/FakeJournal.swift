import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// A stand-in for journald's native socket in tests: a Unix datagram socket bound at a temporary
/// path that receives entries and parses them (systemd's "Native Journal Protocol": `NAME=value\n`,
/// or `NAME\n` + 64-bit little-endian length + value + `\n`).
public final class FakeJournal: @unchecked Sendable {
    public let path: String
    private let descriptor: Int32

    public init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("journal-\(UUID().uuidString.prefix(8)).sock").path
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw FakeJournalError.socket(errno) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard bound == 0 else {
            close(descriptor)
            throw FakeJournalError.socket(errno)
        }
    }

    deinit {
        close(descriptor)
        unlink(path)
    }

    /// The next entry, or nil when none arrives within `timeout`.
    public func receive(timeout: Duration = .seconds(10)) throws -> [(String, String)]? {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        guard poll(&poller, 1, milliseconds) == 1 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        let count = recv(descriptor, &buffer, buffer.count, 0)
        guard count >= 0 else { throw FakeJournalError.socket(errno) }
        return try Self.parse(Array(buffer[..<count]))
    }

    /// Parses one native-protocol datagram into its fields, in order.
    public static func parse(_ bytes: [UInt8]) throws -> [(String, String)] {
        var fields: [(String, String)] = []
        var index = 0
        while index < bytes.count {
            guard let end = bytes[index...].firstIndex(where: { $0 == UInt8(ascii: "=") || $0 == UInt8(ascii: "\n") }) else {
                throw FakeJournalError.malformed
            }
            let name = String(decoding: bytes[index..<end], as: UTF8.self)
            if bytes[end] == UInt8(ascii: "=") {
                guard let newline = bytes[(end + 1)...].firstIndex(of: UInt8(ascii: "\n")) else {
                    throw FakeJournalError.malformed
                }
                fields.append((name, String(decoding: bytes[(end + 1)..<newline], as: UTF8.self)))
                index = newline + 1
            } else {
                guard end + 9 <= bytes.count else { throw FakeJournalError.malformed }
                let length = bytes[(end + 1)..<(end + 9)].reversed().reduce(0) { $0 << 8 | Int($1) }
                let start = end + 9
                guard length >= 0, start + length < bytes.count, bytes[start + length] == UInt8(ascii: "\n") else {
                    throw FakeJournalError.malformed
                }
                fields.append((name, String(decoding: bytes[start..<(start + length)], as: UTF8.self)))
                index = start + length + 1
            }
        }
        return fields
    }
}

public enum FakeJournalError: Error, Equatable {
    case socket(Int32)
    case malformed
}
